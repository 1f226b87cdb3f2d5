export { deepText } from '@licheng/client/testing';
import type { ImportResult, Template } from '../api.ts';

const col = (key: string, header: string, headerEn: string, required: boolean, example: string, aliases: string[] = [], note: string | null = null) => ({ key, header, headerEn, required, example, note, aliases });

export const templates: Template[] = [
  {
    kind: 'students',
    label: { 'zh-TW': '學生名冊', en: 'Students' },
    columns: [
      col('studentNo', '學號', 'Student No.', true, '1130001', ['學生學號']),
      col('name', '姓名', 'Name', true, '王小明', ['學生姓名']),
      col('nationalId', '身分證號', 'National ID', true, 'A123456789', ['身分證字號']),
      col('birthDate', '出生日期', 'Birth date', true, '97/05/12', ['生日'], '民國或西元皆可'),
      col('grade', '年級', 'Grade', true, '1'),
      col('className', '班級', 'Class', true, '101'),
      col('seatNo', '座號', 'Seat No.', true, '5'),
      col('division', '部別', 'Division', false, '日間部'),
    ],
    downloads: { xlsx: '/api/registry/templates/students.xlsx', csv: '/api/registry/templates/students.csv' },
  },
  {
    kind: 'teachers',
    label: { 'zh-TW': '教師名冊', en: 'Teachers' },
    columns: [col('teacherNo', '教師代號', 'Teacher No.', true, 'T001'), col('name', '姓名', 'Name', true, '陳老師')],
    downloads: { xlsx: '/api/registry/templates/teachers.xlsx', csv: '/api/registry/templates/teachers.csv' },
  },
] as Template[];

export function importResult(over: Partial<ImportResult> = {}): ImportResult {
  return {
    ok: true,
    kind: 'students',
    fileName: 'students.csv',
    format: 'csv',
    encoding: 'utf-8',
    dryRun: true,
    totalRows: 2,
    counts: { inserted: 2, updated: 0, unchanged: 0 },
    issues: [],
    ...over,
  } as ImportResult;
}

export function csvFile(text: string, name = 'students.csv'): File {
  return new File([new TextEncoder().encode(text)], name, { type: 'text/csv' });
}

