import { z } from 'zod';
import { isIsoDate } from './calendar.ts';
import { FILE_SLOTS, FILE_TYPES, type FileSlot } from './files.ts';
import { isNationalId } from './national-id.ts';
import { RECORD_STATUSES } from './records.ts';
import { STATUS_CHANGE_KINDS } from './student-status.ts';

/**
 * The transfer package (轉學 / 復學 / 重讀 / 借讀 — SPEC §6): one student's portfolio moved
 * between schools as a ZIP holding `manifest.json` and `files/<sha256>`, every file named by
 * its SHA-256 in the manifest. docs/transfer-package.md describes the format; this schema is
 * its definition. Bump TRANSFER_PACKAGE_VERSION for any change a reader must know about.
 */
export const TRANSFER_PACKAGE_FORMAT = 'licheng-transfer-package';
export const TRANSFER_PACKAGE_VERSION = 1;
export const TRANSFER_MANIFEST_NAME = 'manifest.json';

/** Why the package moves (轉學 transfer, 復學 return, 重讀 repeat-year, 借讀 borrowed study). */
export const TRANSFER_REASONS = ['transfer', 'resume', 'repeat-year', 'borrow'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

const MIB = 1024 * 1024;
/** The largest package accepted, as uploaded. */
export const MAX_TRANSFER_PACKAGE_BYTES = 256 * MIB;
/** The most bytes all entries may inflate to, counted while inflating (zip-bomb guard). */
export const MAX_TRANSFER_INFLATED_BYTES = 512 * MIB;
/** The most entries a package may hold (one manifest and the files). */
export const MAX_TRANSFER_ENTRIES = 5000;
/** The largest manifest, inflated. */
export const MAX_TRANSFER_MANIFEST_BYTES = 16 * MIB;

const isoDate = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'must be an ISO time in UTC');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case SHA-256');
const text = (max: number) => z.string().max(max);

export const transferFileSchema = z.strictObject({
  slot: z.enum(['document', 'media']),
  sha256,
  size: z.number().int().min(1),
  type: z.enum(FILE_TYPES as [string, ...string[]]),
  name: text(255),
});
export type TransferFile = z.infer<typeof transferFileSchema>;

export const transferRecordSchema = z.strictObject({
  /** Where the record was first made: that school's code and its id there (kept through later moves). */
  origin: z.strictObject({ schoolCode: z.string().regex(/^\d{6}$/), recordId: text(64).min(1) }),
  kind: text(64).min(1),
  academicYear: z.number().int().min(100).max(200),
  semester: z.number().int().min(0).max(2),
  summary: text(2000),
  data: z.record(z.string(), z.unknown()),
  status: z.enum(RECORD_STATUSES),
  statusReason: text(2000).nullable(),
  /** Who decided the certification (認證) and when; null while undecided or for a kind nobody certifies. */
  decided: z.strictObject({ by: text(128), name: text(128), role: text(64), at: isoTime }).nullable(),
  enteredRole: text(64),
  createdAt: isoTime,
  /** Whether the student had selected (勾選) it for the central database at the exporting school. */
  selected: z.boolean(),
  files: z.array(transferFileSchema).max(2),
});
export type TransferRecord = z.infer<typeof transferRecordSchema>;

export const transferManifestSchema = z.strictObject({
  format: z.literal(TRANSFER_PACKAGE_FORMAT),
  version: z.number().int(),
  reason: z.enum(TRANSFER_REASONS),
  schoolCode: z.string().regex(/^\d{6}$/),
  schoolName: text(200),
  exportedAt: isoTime,
  exportedBy: z.strictObject({ userId: text(128), name: text(128) }),
  student: z.strictObject({
    studentNo: text(32),
    name: text(100).min(1),
    nationalId: z.string().refine(isNationalId, 'must be a 身分證號 / 居留證號'),
    birthDate: isoDate,
  }),
  /** 學籍異動 at the exporting school, oldest first. */
  statusChanges: z.array(z.strictObject({ date: isoDate, kind: z.enum(STATUS_CHANGE_KINDS), statusCode: text(8), note: text(400) })).max(200),
  records: z.array(transferRecordSchema).max(MAX_TRANSFER_ENTRIES),
});
export type TransferManifest = z.infer<typeof transferManifestSchema>;

/** The entry name of a file in the package. */
export function transferFilePath(sha: string): string {
  return `files/${sha}`;
}

/** Whether a file's declared size fits its slot (the same national limits as an upload). */
export function transferFileFits(file: Pick<TransferFile, 'slot' | 'size'>): boolean {
  return file.size <= FILE_SLOTS[file.slot as FileSlot].maxBytes;
}
