import fs from 'node:fs/promises';
import path from 'node:path';
import { rosterOfNumber, type ImportKind } from '@licheng/core';
import type { AuthedContext, LichengApp } from '@licheng/server';
import { importRoster, type ImportOptions, type ImportResult } from './import-roster.ts';
import { exportRoster, type RosterExportResult } from './roster-export.ts';
import { ROSTER_BUILDERS } from './rosters/builders.ts';
import { rostersExportInput } from './procedures/rosters-export.ts';
import { MAX_TABLE_BYTES, tableTooLarge } from './table-file.ts';

/**
 * The command line acts as registry staff under an explicit system identity: it runs on the
 * server itself, so whoever can run it can already reach the database. Audit rows name it.
 */
export async function cliContext(app: LichengApp): Promise<AuthedContext> {
  return app.actAs({ userId: 'cli', name: '命令列 (CLI)', school: app.config.code, roles: ['registry-staff'] });
}

/** `licheng import <kind> <file>`: imports a roster file from disk, as the CLI identity. */
export async function importRosterFile(app: LichengApp, kind: ImportKind, filePath: string, options: ImportOptions = {}): Promise<ImportResult> {
  const stat = await fs.stat(filePath);
  if (stat.size > MAX_TABLE_BYTES) throw tableTooLarge();
  const bytes = new Uint8Array(await fs.readFile(filePath));
  return importRoster(await cliContext(app), kind, bytes, path.basename(filePath), options);
}

/** What the command line names: a roster id (and batch), or a 名冊別 number (26, 34 …). */
export interface CliRosterExport {
  academicYear: number;
  semester: number;
  roster?: string;
  batch?: string;
  kind?: number;
}

/**
 * `licheng export roster …`: validates the input as the procedure does (a roster with no
 * builder, or a number no source or setting names, is refused rather than written as a
 * mislabelled empty workbook), builds and stores the roster like the screen does, and writes a
 * copy to `outPath` — and, when rows were kept back, the office's `(缺)` workbook beside it.
 */
export async function exportRosterToFile(app: LichengApp, input: CliRosterExport, outPath: string): Promise<RosterExportResult & { path: string; reviewPath: string | null }> {
  const named = input.kind === undefined ? { roster: input.roster, batch: input.batch } : rosterOfNumber(input.kind, app.config.rosters.numbers);
  if (!named) throw new Error(`roster export: kind ${input.kind} is no 名冊別 a source or the school's rosters.numbers names`);
  const parsed = rostersExportInput.safeParse({ academicYear: input.academicYear, semester: input.semester, ...named });
  if (!parsed.success) throw new Error(`roster export: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')} (rosters: ${ROSTER_BUILDERS.map((b) => b.roster).join(', ')})`);
  const { bytes, reviewBytes, ...result } = await exportRoster(await cliContext(app), parsed.data);
  await writeAtomically(outPath, bytes);
  const reviewPath = reviewBytes ? outPath.replace(/(\.xlsx)?$/i, '_待處理(缺).xlsx') : null;
  if (reviewPath && reviewBytes) await writeAtomically(reviewPath, reviewBytes);
  return { ...result, path: outPath, reviewPath };
}

async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, target);
}
