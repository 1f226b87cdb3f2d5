import { academicTermOf, academicYearRange, countsTowardPerformanceCap, recordKindDefinition, taipeiDate } from '@licheng/core';
import { checkedData, enterRecord, saveSelection, stageFiles, type LichengApp, type Student } from '@licheng/server';
import { samplePdf } from './sample-files.ts';

/** The demo student's 多元表現 of this term (dates in the academic year starting in `y`): several types, with a file and a video link. */
const performances = (y: number) => [
  { kind: 'performance-competition', summary: '與同學組隊參加縣市科展，題目為校園雨水回收。', data: { name: '雲林縣中小學科學展覽會', event: '高中組物理科', level: '2', award: '佳作', resultDate: `${y}-10-05`, participation: '2' }, file: '科展作品說明書.pdf' },
  { kind: 'performance-service', summary: '每月到社區圖書館協助整理書架與說故事。', data: { name: '社區圖書館志工', unit: '虎尾鎮立圖書館', startDate: `${y}-09-06`, endDate: `${y}-11-15`, hours: 18 }, file: null },
  { kind: 'performance-certificate', summary: '通過全民英檢中級初試與複試。', data: { certificateCode: 'GEPT-I', certificateType: '1', date: `${y}-10-18`, number: 'GEPT-114-0001' }, file: '全民英檢中級成績單.pdf' },
  { kind: 'performance-work', summary: '為班刊設計封面與版面，並製作介紹影片。', data: { name: '班刊《青春紀事》封面設計', date: `${y}-10-30`, videoUrl: 'https://www.youtube.com/watch?v=demo-class-magazine' }, file: null },
  { kind: 'performance-group', summary: '擔任班會紀錄，整理討論結果。', data: { category: '1', unit: '101 班', content: '班會：校外教學行程討論', activityYear: 0, activitySemester: 0, periods: 2 }, file: null },
];

/**
 * 陳怡君 (101-1) has a few performances of several types, two of them selected (勾選), and a
 * 校內幹部 record 訓育組 registered (shown beside them, not counting toward the 10).
 */
export async function seedDemoPerformances(app: LichengApp, student: Student): Promise<void> {
  const ctx = await app.actAs({ userId: student.host_user_id, name: student.name, school: app.config.code, roles: ['student'] });
  const term = academicTermOf(taipeiDate(ctx.now()));
  const y = Number(academicYearRange(term.academicYear).start.slice(0, 4));
  const ids: string[] = [];
  for (const p of performances(y)) {
    const given: Record<string, unknown> = { ...p.data };
    if ('activityYear' in given) Object.assign(given, { activityYear: term.academicYear, activitySemester: term.semester });
    const data = checkedData(recordKindDefinition(p.kind)!, given);
    const files = p.file ? await stageFiles(ctx, { document: new File([samplePdf(p.file)], p.file, { type: 'application/pdf' }) }) : [];
    const record = await enterRecord(ctx, { kind: p.kind, student, courseId: null, academicYear: term.academicYear, semester: term.semester, summary: p.summary, data, files });
    ids.push(record.id);
  }
  await saveSelection(ctx, {
    student,
    kind: 'performance',
    academicYear: term.academicYear,
    recordIds: ids.slice(0, 2),
    cap: app.config.rules.performances.selectionCapPerYear,
    takes: (r) => countsTowardPerformanceCap({ kind: r.kind, status: r.status as never, enteredRole: r.enteredRole as never }),
  });
  const office = await app.actAs({ userId: 'demo-activities', name: '訓育組', school: app.config.code, roles: ['activities-staff'] });
  await enterRecord(office, {
    kind: 'cadre',
    student,
    courseId: null,
    academicYear: term.academicYear,
    semester: term.semester,
    summary: '',
    data: checkedData(recordKindDefinition('cadre')!, { unit: '101 班', startDate: `${y}-09-01`, position: '班長', level: '2' }),
    files: [],
  });
}
