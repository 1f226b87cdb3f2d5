import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { academicTermOf, addDays, taipeiDate, toRocDate, type AcademicTerm } from '@licheng/core';
import receipt from '@licheng/plugin-receipt/server';
import type { LichengApp } from '@licheng/server';

/** The last term's receipt is about the term before the current one. */
function previousTerm(term: AcademicTerm): AcademicTerm {
  return term.semester === 2 ? { academicYear: term.academicYear, semester: 1 } : { academicYear: term.academicYear - 1, semester: 2 };
}

const rocDigits = (iso: string) => toRocDate(iso, '').padStart(7, '0');

interface ReceivedStudent {
  national_id: string;
  birth_date: string;
  seat_no: number;
}

/**
 * The central database's receipt (收訖明細) of last term's rosters for class 101, as a ZIP: a
 * SHA.txt of checksums and one JSON file per roster — 校內幹部經歷 (24) for two students and
 * 課程學習成果 (26) for every student.
 */
async function receiptZip(school: string, term: AcademicTerm, students: ReceivedStudent[]): Promise<Uint8Array> {
  const info = { 學校代碼: school, 學年度: term.academicYear, 學期: term.semester };
  const person = (s: ReceivedStudent) => ({ 身分證號: s.national_id, 出生日期: rocDigits(s.birth_date) });
  const files: Record<string, string> = {
    [`${term.academicYear}_${term.semester}_${school}_校內幹部經歷.json`]: JSON.stringify({
      名冊資訊: { ...info, 名冊別: 24 },
      校內幹部經歷: students.slice(0, 2).map((s, i) => ({ ...person(s), 幹部經歷紀錄: [{ 單位名稱: '101 班', 擔任職務: i === 0 ? '班長' : '學藝股長', 幹部等級: 2 }] })),
    }),
    [`${term.academicYear}_${term.semester}_${school}_課程學習成果.json`]: JSON.stringify({
      名冊資訊: { ...info, 名冊別: 26 },
      課程學習成果: students.map((s) => ({
        ...person(s),
        學期課程學習成果: [{ 課程代碼: `108${school}E22L0101010101`.slice(0, 23), 科目名稱: '國語文', 修課學分: 4, 成果簡述: '閱讀心得：〈背影〉中的父愛' }],
      })),
    }),
  };
  const zip = new JSZip();
  zip.file('SHA.txt', `${Object.entries(files).map(([name, text]) => `${name},${createHash('sha256').update(text).digest('hex')}`).join('\r\n')}\r\n`);
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * When the receipt office is on: the registry imports last term's receipt for class 101 through
 * the office's own procedure, with a confirmation window open from yesterday for a week, so a
 * student signing in sees the reminder; one student has already confirmed the cadre roster and
 * another has raised an issue, so the registry's desk shows progress.
 */
export async function seedDemoReceipt(app: LichengApp): Promise<void> {
  if (!app.plugins.some((p) => p.id === 'receipt')) return;
  const school = app.config.code;
  const registry = await app.actAs({ userId: 'demo-registry', name: '註冊組 林組長', school, roles: ['registry-staff'] });
  const today = taipeiDate(registry.now());
  const students = await registry.db
    .selectFrom('students')
    .select(['national_id', 'birth_date', 'seat_no', 'host_user_id', 'name'])
    .where('school_code', '=', school)
    .where('class_name', '=', '101')
    .orderBy('seat_no')
    .execute();
  const form = new FormData();
  const bytes = await receiptZip(school, previousTerm(academicTermOf(today)), students);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], `收訖明細_${school}.zip`, { type: 'application/zip' }));
  form.set('windowStart', addDays(today, -1));
  form.set('windowEnd', addDays(today, 6));
  const imported = await receipt.router.createCaller(registry).batches.import(form);
  if (!imported.ok) throw new Error(`the demo receipt did not import: ${JSON.stringify(imported.problems)}`);

  const asStudent = async (seat: number) => {
    const s = students.find((x) => x.seat_no === seat)!;
    const ctx = await app.actAs({ userId: s.host_user_id, name: s.name, school, roles: ['student'] });
    const caller = receipt.router.createCaller(ctx);
    const mine = await caller.mine();
    return { caller, items: mine.batches.flatMap((b) => b.items) };
  };
  const second = await asStudent(2);
  await second.caller.confirm({ itemIds: second.items.filter((i) => i.kind === 24).map((i) => i.id) });
  const third = await asStudent(3);
  const outcome = third.items.find((i) => i.kind === 26);
  if (outcome) await third.caller.raiseIssue({ itemId: outcome.id, text: '收訖的成果簡述少了第二件作品，請協助確認。' });
}
