import { decideRecord, enterRecord, enterRecords, lockStudents, type LichengApp } from '@licheng/server';

export const DEMO_LIBRARIAN = { userId: 'demo-library', name: '圖書館 許主任' };

const books = [
  { title: '被討厭的勇氣', author: '岸見一郎', summary: '學會課題分離，不再替別人的期待活' },
  { title: '小王子', author: '聖修伯里', summary: '重要的東西用眼睛是看不見的' },
  { title: '原子習慣', author: 'James Clear', summary: '每天進步 1%，從環境設計開始' },
  { title: '人類大歷史', author: '哈拉瑞', summary: '虛構的故事讓人類能大規模合作' },
];

/**
 * The library's demo: reading records four students of 101 entered — waiting, passed and failed
 * with a reason — and the reading list of 102 the library imported itself (passed on entry).
 */
export async function seedDemoLibrary(app: LichengApp, term: { academicYear: number; semester: number }): Promise<void> {
  const base = await app.createContext(new Request('http://demo/'));
  /** The autumn of the term's academic year (民國 + 1911), so the demo's dates fall in its term. */
  const autumn = term.academicYear + 1911;
  const { db, config } = base;
  const librarian = await app.actAs({ ...DEMO_LIBRARIAN, school: config.code, roles: ['library-staff'] });
  const readers = await db.selectFrom('students').selectAll().where('school_code', '=', config.code).where('class_name', '=', '101').orderBy('seat_no').limit(4).execute();
  for (const [i, student] of readers.entries()) {
    const asStudent = await app.actAs({ userId: student.host_user_id, name: student.name, school: config.code, roles: ['student'] });
    const book = books[i]!;
    const record = await enterRecord(asStudent, { kind: 'reading', student, courseId: null, ...term, summary: book.summary, data: { title: book.title, author: book.author, date: `${autumn}-09-${String(10 + i * 5).padStart(2, '0')}` }, files: [] });
    if (i === 1) await decideRecord(librarian, record, { decision: 'pass' });
    if (i === 3) await decideRecord(librarian, record, { decision: 'fail', reason: '心得請寫出自己的想法，不要只摘錄書中句子' });
  }
  const listed = await db.selectFrom('students').selectAll().where('school_code', '=', config.code).where('class_name', '=', '102').orderBy('seat_no').limit(3).execute();
  await db.transaction().execute(async (trx) => {
    await lockStudents(trx, librarian, listed.map((s) => s.id));
    await enterRecords(trx, librarian, 'reading', listed.map((student, i) => ({ student, ...term, summary: '晨讀共讀書目', data: { title: '你當像鳥飛往你的山', author: '塔拉．維斯托', date: `${autumn}-09-${String(20 + i).padStart(2, '0')}` } })));
  });
}
