import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { definePlugin } from '../../plugin.ts';
import { router } from '../../trpc.ts';
import { createTestLicheng, fakeFile, seedRoster, users, type TestLicheng } from '../../testing/index.ts';
import { recordKindProcedures } from './index.ts';

/** An office keeping a kind with files (作品成果) and one without (校內幹部). */
const office = definePlugin({
  id: 'office',
  office: { 'zh-TW': '處室', en: 'Office' },
  roles: ['activities-staff'],
  router: router({ records: recordKindProcedures({ kinds: ['cadre', 'performance-work'] }) }),
});

const work = { name: '木工椅', date: '2025-09-01' };

function form(fields: Record<string, string | number | File | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.append(k, typeof v === 'number' ? String(v) : v);
  return f;
}

describe.each(testDialects())('files through the generic enter and correct on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start() {
    t = await createTestLicheng({ dialect, plugins: [office] });
    await seedRoster(t);
  }
  const enterForm = (extra: Record<string, string | File | undefined>, kind = 'performance-work', data: object = work) =>
    t.upload('office.records.enter', form({ kind, academicYear: 114, semester: 1, summary: '作品說明', data: JSON.stringify(data), ...extra }), users.chen);
  const row = (id: string) => t.db.kysely.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const storedSha = async (fileId: string | null) => (await t.db.kysely.selectFrom('stored_files').select('sha256').where('id', '=', fileId!).executeTakeFirstOrThrow()).sha256;

  it('enters a record of a kind with files as a form: document, media and link stored, type told by content', async () => {
    await start();
    const res = await enterForm({ document: fakeFile('pdf', 900, '作品.pdf'), media: fakeFile('mp4', 2000), videoUrl: 'https://www.youtube.com/watch?v=abc' });
    expect(res.error).toBeNull();
    const record = await row(res.data.id as string);
    expect(record.document_file_id).not.toBeNull();
    expect(record.media_file_id).not.toBeNull();
    expect(JSON.parse(record.data)).toEqual({ ...work, videoUrl: 'https://www.youtube.com/watch?v=abc' });
    const files = await t.db.kysely.selectFrom('stored_files').select(['id', 'type', 'original_name']).orderBy('type').execute();
    expect(files.map((f) => [f.type, f.original_name])).toEqual([
      ['mp4', 'file.mp4'],
      ['pdf', '作品.pdf'],
    ]);
    // The same form without files still enters (files are optional), and JSON still works.
    expect((await enterForm({})).error).toBeNull();
    expect((await t.mutate('office.records.enter', { kind: 'performance-work', academicYear: 114, semester: 1, summary: '', data: work }, users.chen)).error).toBeNull();
  });

  it('refuses a wrong file, files on a kind without them, and bad form parts, writing nothing', async () => {
    await start();
    expect((await enterForm({ document: fakeFile('exe', 500, 'a.pdf') })).error?.licheng?.code).toBe('file-type-not-allowed');
    expect((await enterForm({ media: fakeFile('pdf', 500) })).error?.licheng?.code).toBe('file-type-not-allowed');
    expect((await enterForm({ document: fakeFile('pdf', 5 * 1024 * 1024) })).error?.licheng?.code).toBe('file-too-large');
    const cadre = { unit: '學生會', startDate: '2025-09-01', endDate: null, position: '會長', level: '1' };
    const onCadre = await t.upload('office.records.enter', form({ kind: 'cadre', studentNo: 'S001', academicYear: 114, semester: 1, summary: '', data: JSON.stringify(cadre), document: fakeFile('pdf', 500) }), { userId: 'sa-act', name: '訓育組長', roles: ['activities-staff'] });
    expect(onCadre.error?.licheng?.code).toBe('record-kind-no-files');
    expect((await enterForm({}, 'performance-work', { name: '' })).error?.licheng?.code).not.toBeUndefined();
    const notJson = await t.upload('office.records.enter', form({ kind: 'performance-work', academicYear: 114, semester: 1, summary: '', data: '{oops' }), users.chen);
    expect(notJson.error?.licheng?.code).toBe('invalid-input');
    const badYear = await t.upload('office.records.enter', form({ kind: 'performance-work', academicYear: 'abc', semester: 1, summary: '', data: JSON.stringify(work) }), users.chen);
    expect(badYear.error?.licheng?.code).toBe('invalid-input');
    expect(await t.db.kysely.selectFrom('records').select('id').execute()).toEqual([]);
    expect(await t.db.kysely.selectFrom('stored_files').select('id').execute()).toEqual([]);
  });

  it('corrects with 保留 / 更換: a sent file replaces its slot, the other is kept, the old object stays for the sweep', async () => {
    await start();
    const entered = await enterForm({ document: fakeFile('pdf', 900), media: fakeFile('mp4', 2000), videoUrl: 'https://www.youtube.com/watch?v=abc' });
    const id = entered.data.id as string;
    const before = await row(id);
    const oldSha = await storedSha(before.document_file_id);

    const replaced = await t.upload('office.records.correct', form({ id, version: 1, summary: '作品說明（修正）', data: JSON.stringify(work), document: fakeFile('png', 1500) }), users.chen);
    expect(replaced.error).toBeNull();
    expect(replaced.data).toMatchObject({ version: 2 });
    const after = await row(id);
    expect(after.document_file_id).not.toBe(before.document_file_id);
    expect(after.media_file_id).toBe(before.media_file_id);
    expect(await storedSha(after.document_file_id)).not.toBe(oldSha);
    expect(await t.storage.exists(oldSha)).toBe(true);
    expect(JSON.parse(after.data).videoUrl).toBe('https://www.youtube.com/watch?v=abc');
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'before', 'after']).where('action', '=', 'performance-work.correct').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!).document_file_id).toBe(before.document_file_id);
    expect(JSON.parse(audit.after!).document_file_id).toBe(after.document_file_id);

    // JSON without files keeps both files; a blank link clears the link.
    const kept = await t.mutate('office.records.correct', { id, version: 2, summary: '作品說明', data: { ...work, name: '木工桌' }, videoUrl: '' }, users.chen);
    expect(kept.error).toBeNull();
    const last = await row(id);
    expect([last.document_file_id, last.media_file_id]).toEqual([after.document_file_id, after.media_file_id]);
    expect(JSON.parse(last.data)).toEqual({ ...work, name: '木工桌' });

    // A wrong replacement changes nothing.
    const wrong = await t.upload('office.records.correct', form({ id, version: 3, summary: 'x', data: JSON.stringify(work), media: fakeFile('exe', 300) }), users.chen);
    expect(wrong.error?.licheng?.code).toBe('file-type-not-allowed');
    expect((await row(id)).version).toBe(3);
  });
});
