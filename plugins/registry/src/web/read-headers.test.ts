import { expect } from '@open-wc/testing';
import { csvRows, decodeText, normalizeHeader, pickHeaderRow, readHeaders, xlsxRows } from './read-headers.ts';
import { studentsXlsxBase64 } from './testing/students-xlsx.ts';

const xlsxBytes = () => Uint8Array.from(atob(studentsXlsxBase64), (c) => c.charCodeAt(0));
const names = new Set(['學號', '學生學號', '姓名', '身分證號', '身分證字號', '出生日期', '生日', '年級', '班級', '座號'].map(normalizeHeader));

describe('reading a roster file’s header row in the browser', () => {
  it('parses CSV records with quotes and CRLF', () => {
    expect(csvRows('學號,"姓名, 全名","說 ""明"""\r\n1,王小明,x\r\n')).to.deep.equal([
      ['學號', '姓名, 全名', '說 "明"'],
      ['1', '王小明', 'x'],
    ]);
  });

  it('decodes UTF-8 (with BOM) and falls back to Big5', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF學號,姓名'))).to.equal('學號,姓名');
    expect(decodeText(new Uint8Array([190, 199, 184, 185, 44, 169, 109, 166, 87]))).to.equal('學號,姓名');
  });

  it('reads the first sheet of a real .xlsx (shared strings, deflate) and finds the header below a title', async () => {
    const rows = await xlsxRows(xlsxBytes());
    expect(rows[0]).to.deep.equal(['114學年度 學生名冊（校務系統匯出）']);
    expect(rows[1]!.slice(0, 3)).to.deep.equal(['學生學號', '姓名', '身分證字號']);
    expect(pickHeaderRow(rows, names).row).to.equal(2);
    const file = new File([xlsxBytes()], 'students.xlsx');
    const detected = await readHeaders(file, names);
    expect(detected).to.deep.equal({ row: 2, headers: ['學生學號', '姓名', '身分證字號', '生日', '年級', '班級', '座號', '部別'] });
  });

  it('compares headers loosely like the server', () => {
    expect(normalizeHeader('＊學號 (必填)')).to.equal(normalizeHeader('學號'));
    expect(normalizeHeader('Student No.')).to.equal('studentno');
  });
});
