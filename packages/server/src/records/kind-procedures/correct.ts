import { correctionNeeds, DomainError, freeText, isBlankText, recordKindPolicy, type RecordKindDefinition, type RecordStatus, type Role } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { z } from 'zod';
import { writeAudit } from '../../audit.ts';
import { authedProcedure } from '../../trpc.ts';
import { certifiesSchoolWide } from '../policy.ts';
import { lockStudent } from '../enter.ts';
import { transitionRecord } from '../transition.ts';
import { checkedData, recordDataInput, recordSummarySchema } from './enter.ts';
import { loadVisibleRecord } from './mounted-kinds.ts';
import { changingRole } from './scope.ts';
import type { RecordChangeCheck, RecordWriteCheck } from './mounted-kinds.ts';
import { jsonOrForm, recordFileParts, replacedFiles, stageKindFiles, withVideoUrl } from './record-files.ts';
import type { RecordChangeOutput, RecordCorrectInput } from './types.ts';

/** JSON, or multipart form data with a replacement document and/or media file (record-files.ts). */
export const recordCorrectInput = jsonOrForm(
  z.object({
    id: z.string().min(1).max(64),
    version: z.number().int().min(1),
    summary: recordSummarySchema,
    data: recordDataInput,
    reason: freeText({ max: 400, multiline: true, allowBlank: true }).optional(),
    ...recordFileParts,
  }),
) satisfies z.ZodType<RecordCorrectInput>;

/**
 * `<office>.records.correct` — 更正: new summary and data for a record the caller may change
 * (scope.ts changingRole): a pending, failed or uncertified record freely; a passed one only
 * when an office registered it itself, with a reason. Audited with before and after; version+1.
 * Keys an office stores beside the declared fields (e.g. who registered it) survive a correction.
 * For a kind with files, a file sent replaces its slot's file and a slot without one keeps it
 * (保留 / 更換); the link is kept unless one is given (blank clears it). A replaced object
 * stays in storage for the sweep (ADR 0010). The office's own rule (`inTransaction`) is checked
 * as on entry, under the student's lock, with the record itself left out.
 */
export function recordCorrectProcedure(kinds: readonly RecordKindDefinition[], beforeChange?: RecordChangeCheck, inTransaction?: RecordWriteCheck) {
  return authedProcedure()
    .input(recordCorrectInput)
    .mutation(async ({ ctx, input }): Promise<RecordChangeOutput> => {
      const { record } = await loadVisibleRecord(ctx, kinds, input.id);
      const kind = kinds.find((k) => k.id === record.kind)!;
      const role = changingRole(ctx, kinds, record);
      await beforeChange?.(ctx, record, role);
      const status = record.status as RecordStatus;
      const needs = correctionNeeds(status, {
        registeredByOffice: record.decided_role === record.entered_role && certifiesSchoolWide(record.entered_role as Role),
        certified: recordKindPolicy(ctx.config, record.kind).certifiers.length > 0,
      });
      const reason = input.reason && !isBlankText(input.reason) ? input.reason : null;
      if (needs === 'with-reason' && !reason) throw new DomainError('correction-reason-required', {});
      if (input.version !== record.version) throw new DomainError('record-changed', {});
      const given = withVideoUrl(input.data, input.videoUrl);
      const kept = undeclaredKeys(kind, record.data);
      if (kind.files && 'videoUrl' in given) delete kept.videoUrl;
      const data = { ...kept, ...checkedData(kind, given) };
      const staged = await stageKindFiles(ctx, kind, input);
      return ctx.db.transaction().execute(async (trx) => {
        if (inTransaction) {
          await lockStudent(trx, ctx, record.student_id);
          await inTransaction(trx, ctx, { kind, studentId: record.student_id, data, recordId: record.id });
        }
        const files = await replacedFiles(trx, ctx, staged);
        const changes = { summary: input.summary, data: JSON.stringify(data), ...files, status_reason: reason ?? record.status_reason, version: record.version + 1, updated_at: nowIso(ctx.now()) };
        const after = await transitionRecord(trx, record, status, changes, 'record-changed');
        await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role, action: `${record.kind}.correct`, entity: 'record', entityId: record.id, studentId: record.student_id, before: record, after: { ...after, reason }, at: ctx.now() });
        return { id: after.id, status, version: after.version };
      });
    });
}

/** The stored data's keys the kind does not declare (an office's own bookkeeping), kept as they are. */
export function undeclaredKeys(kind: RecordKindDefinition, stored: string): Record<string, string | number | null> {
  const declared = new Set(kind.fields.map((f) => f.key));
  const parsed = JSON.parse(stored) as Record<string, string | number | null>;
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => !declared.has(key)));
}
