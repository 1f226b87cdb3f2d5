import { expect } from '@open-wc/testing';
import { officeRecordSource, type RecordApi } from './office-source.ts';
import type { RecordSubmission } from '../record-fields/record-fields.ts';
import { competitionRows } from '../testing/record-kinds.ts';

/** An API that records what was sent and how. */
function recordingApi() {
  const calls: Array<{ how: 'mutation' | 'upload'; path: string; input: unknown }> = [];
  const api: RecordApi = {
    query: async <T>() => ({ rows: [] }) as T,
    mutation: async <T>(path: string, input?: unknown) => (calls.push({ how: 'mutation', path, input }), { id: 'x' } as T),
    upload: async <T>(path: string, form: FormData) => (calls.push({ how: 'upload', path, input: form }), { id: 'x' } as T),
  };
  return { api, calls };
}

const submission = (extra: Partial<RecordSubmission> = {}): RecordSubmission => ({ data: { name: '專題' }, summary: '說明', files: { document: null, media: null }, videoLink: '', ...extra });

describe('officeRecordSource', () => {
  it('sends a record without files as JSON, and one with files as a multipart form with data as JSON text', async () => {
    const { api, calls } = recordingApi();
    const source = officeRecordSource(api, 'competitions');
    await source.enter('competition', submission({ studentNo: '110001', academicYear: 114, semester: 1 }));
    expect(calls[0]).to.deep.equal({ how: 'mutation', path: 'competitions.records.enter', input: { kind: 'competition', studentNo: '110001', academicYear: 114, semester: 1, summary: '說明', data: { name: '專題' } } });

    const doc = new File(['%PDF-1.4'], '獎狀.pdf');
    await source.enter('competition', submission({ studentNo: '110001', academicYear: 114, semester: 1, files: { document: doc, media: null }, videoLink: 'https://youtu.be/x' }));
    const form = calls[1]!.input as FormData;
    expect(calls[1]!.how).to.equal('upload');
    expect(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'))).to.deep.equal({ kind: 'competition', studentNo: '110001', academicYear: '114', semester: '1', summary: '說明', data: '{"name":"專題"}', videoUrl: 'https://youtu.be/x' });
    expect(form.get('document')).to.equal(doc);
    expect(form.has('media')).to.equal(false);
  });

  it('corrects with only the replaced file; clears a link that was there', async () => {
    const { api, calls } = recordingApi();
    const source = officeRecordSource(api, 'competitions');
    const record = { ...competitionRows[0]!, version: 2, videoUrl: 'https://youtu.be/old', documentFileId: 'f1' };
    await source.correct(record, submission());
    expect(calls[0]!.input).to.deep.equal({ id: 'r1', version: 2, summary: '說明', data: { name: '專題' }, videoUrl: '' });
    const media = new File([new Uint8Array([0, 0, 0, 24])], 'clip.mp4');
    await source.correct(record, submission({ files: { document: null, media } }));
    const form = calls[1]!.input as FormData;
    expect([form.get('id'), form.get('version'), form.has('document'), form.get('media')]).to.deep.equal(['r1', '2', false, media]);
  });
});
