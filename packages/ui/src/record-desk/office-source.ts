import type { RecordRow, RecordSubmission } from '../record-fields/record-fields.ts';
import type { RecordImportReportView } from '../record-import/record-import.component.ts';
import type { RecordDeskSource } from './record-desk.component.ts';

/** What `officeRecordSource` needs of an API client (LichengClient of @licheng/client fits). */
export interface RecordApi {
  query<T>(path: string, input?: unknown): Promise<T>;
  mutation<T>(path: string, input?: unknown): Promise<T>;
  upload<T>(path: string, form: FormData, options?: { onProgress?: (p: { loaded: number; total: number }) => void }): Promise<T>;
}

/** The external video link when there is one to set or to clear. */
const link = (s: RecordSubmission, record: RecordRow | null) => (s.videoLink || record?.videoUrl ? { videoUrl: s.videoLink } : {});

/**
 * The desk's source for an office that mounts the generic record procedures as
 * `<office>.records.*`: list (the kind's first 200 records the caller sees), enter, correct,
 * withdraw, import preview and commit; a record with a document or media file goes as a
 * multipart form (the kind's files, ADR 0016). `download(path, name)` fetches the kind's template
 * (`/api/<office>/records/template.xlsx?kind=…`) with the caller's credentials.
 */
export function officeRecordSource(api: RecordApi, office: string, download?: (path: string, name: string) => Promise<unknown>): RecordDeskSource {
  const p = (name: string) => `${office}.records.${name}`;
  const upload = (name: string, kind: string, file: File, progress: (percent: number) => void) => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', file);
    return api.upload<RecordImportReportView>(p(name), form, { onProgress: ({ loaded, total }) => progress(total ? Math.round((loaded / total) * 100) : 0) });
  };
  const change = (record: RecordRow, s: RecordSubmission) => ({ id: record.id, version: record.version ?? 1, summary: s.summary, data: s.data, ...(s.reason ? { reason: s.reason } : {}), ...link(s, record) });
  /** Sent as JSON, or as a multipart form when the submission carries a file (a correction leaves out the files it keeps). */
  const send = (name: string, fields: Record<string, unknown>, s: RecordSubmission) => {
    if (!s.files.document && !s.files.media) return api.mutation<{ id: string }>(p(name), fields);
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    if (s.files.document) form.set('document', s.files.document);
    if (s.files.media) form.set('media', s.files.media);
    return api.upload<{ id: string }>(p(name), form);
  };
  return {
    list: async (kind) => (await api.query<{ rows: RecordRow[] }>(p('list'), { kind, pageSize: 200 })).rows,
    enter: (kind, s) => send('enter', { kind, studentNo: s.studentNo, academicYear: s.academicYear, semester: s.semester, summary: s.summary, data: s.data, ...link(s, null) }, s),
    correct: (record, s) => send('correct', change(record, s), s),
    withdraw: (record, reason) => api.mutation(p('withdraw'), { id: record.id, version: record.version ?? 1, reason }),
    reopen: (record, reason) => api.mutation(p('reopen'), { id: record.id, reason }),
    preview: (kind, file, progress) => upload('importPreview', kind, file, progress),
    commit: (kind, file, progress) => upload('importCommit', kind, file, progress),
    ...(download ? { downloadTemplate: async (kind: string) => void (await download(`/api/${office}/records/template.xlsx?kind=${encodeURIComponent(kind)}`, `${kind}.xlsx`)) } : {}),
  };
}
