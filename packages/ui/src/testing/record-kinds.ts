import type { RecordKindScreen, RecordRow } from '../record-fields/record-fields.ts';

/** Sample kinds for the record screens' tests and demo: 競賽參與紀錄 and 服務學習紀錄 (ROSTERS.md §3). */
export const competitionKind: RecordKindScreen = {
  id: 'competition',
  label: { 'zh-TW': '競賽參與紀錄', en: 'Competition' },
  fields: [
    { key: 'name', type: 'text', max: 100, required: true, label: { 'zh-TW': '競賽名稱', en: 'Competition' } },
    { key: 'event', type: 'text', max: 50, required: false, label: { 'zh-TW': '項目', en: 'Event' } },
    {
      key: 'level',
      type: 'code',
      required: true,
      label: { 'zh-TW': '競賽等級代碼', en: 'Level' },
      rosterColumn: '競賽等級代碼',
      codes: [
        { code: '1', label: { 'zh-TW': '校級', en: 'School' } },
        { code: '2', label: { 'zh-TW': '縣市級', en: 'County or city' } },
        { code: '3', label: { 'zh-TW': '全國', en: 'National' } },
        { code: '4', label: { 'zh-TW': '國際', en: 'International' } },
      ],
    },
    { key: 'award', type: 'text', max: 50, required: false, label: { 'zh-TW': '獎項', en: 'Award' } },
    { key: 'announced', type: 'date', required: true, label: { 'zh-TW': '結果公布日期', en: 'Results announced' } },
    {
      key: 'team',
      type: 'code',
      required: true,
      label: { 'zh-TW': '團體參與代碼', en: 'Entered as' },
      codes: [
        { code: '1', label: { 'zh-TW': '個人', en: 'Individual' } },
        { code: '2', label: { 'zh-TW': '團體', en: 'Team' } },
      ],
    },
  ],
  summary: { max: 100, required: false },
  files: { document: true, media: true, videoLink: true },
};

export const serviceKind: RecordKindScreen = {
  id: 'service-hours',
  label: { 'zh-TW': '服務學習紀錄', en: 'Service learning' },
  fields: [
    { key: 'name', type: 'text', max: 100, required: true, label: { 'zh-TW': '服務名稱', en: 'Service' } },
    { key: 'organisation', type: 'text', max: 100, required: true, label: { 'zh-TW': '服務單位', en: 'Organisation' } },
    { key: 'start', type: 'date', required: true, label: { 'zh-TW': '開始日期', en: 'Start' } },
    { key: 'end', type: 'date', required: true, label: { 'zh-TW': '結束日期', en: 'End' } },
    { key: 'hours', type: 'decimal', min: 0.5, max: 500, required: true, unit: { 'zh-TW': '小時', en: 'hours' }, label: { 'zh-TW': '時數', en: 'Hours' } },
  ],
  summary: { max: 100, required: false },
};

const student = (studentNo: string, name: string, className: string, seat: number) => ({ studentNo, name, className, seatNo: seat });

export const competitionRows: RecordRow[] = [
  {
    id: 'r1',
    kind: 'competition',
    academicYear: 114,
    semester: 1,
    status: 'passed',
    data: { name: '全國高級中等學校專題製作競賽', event: '電機與電子群', level: '3', award: '佳作', announced: '2025-11-20', team: '2' },
    summary: '與同學合作完成智慧路燈專題。',
    student: student('110001', '王小明', '電子三甲', 1),
  },
  {
    id: 'r2',
    kind: 'competition',
    academicYear: 114,
    semester: 1,
    status: 'pending',
    data: { name: '雲林縣英語演講比賽', event: '高中組', level: '2', award: '第二名', announced: '2025-10-03', team: '1' },
    student: student('110002', '林美華', '電子三甲', 2),
  },
  {
    id: 'r3',
    kind: 'competition',
    academicYear: 113,
    semester: 2,
    status: 'failed',
    data: { name: '校內科展', event: '物理科', level: '1', award: '第一名', announced: '2025-04-18', team: '1' },
    student: student('110103', '陳志豪', '資訊三乙', 3),
  },
];
