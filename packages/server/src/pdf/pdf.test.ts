import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '@licheng/core';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileStorage } from '../storage/local-file-storage.ts';
import { pdfFonts, pdfPageCount, pdfPageInk, pdfPagePng, pdfText } from '../testing/pdf.ts';
import { renderPdf, storePdf } from './render.ts';
import type { PdfDocumentSpec } from './spec.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'licheng-pdf-spec-'));
  dirs.push(dir);
  return dir;
}

async function bytesOf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  const pdf = await renderPdf(spec);
  try {
    return new Uint8Array(await fs.readFile(pdf.path));
  } finally {
    await pdf.remove();
  }
}

const rows = Array.from({ length: 70 }, (_, i) => [`${i + 1}`, `國語文（第 ${i + 1} 節）`, '必修', i % 2 ? '及格' : '不及格 — 需補考，補考日期另行通知']);

const spec: PdfDocumentSpec = {
  title: '收訖明細紙本確認單',
  school: '臺北市立建國高級中學',
  printedOn: '2026-11-28',
  createdAt: '2026-11-28T02:00:00.000Z',
  locale: 'zh-TW',
  sections: [
    {
      label: '301 班 5 號 王小明',
      blocks: [
        { kind: 'heading', level: 1, text: '收訖明細紙本確認單' },
        { kind: 'fields', fields: [{ label: '學號', value: '110001' }, { label: '姓名', value: '王小明' }, { label: '班級座號', value: '301-05' }, { label: '學年度', value: '114 學年度第 1 學期' }] },
        { kind: 'paragraph', text: '請核對下列中央資料庫收到的資料，勾選確認或提出疑義後簽名寄回。' },
        { kind: 'table', caption: '修課紀錄：一般科目', columns: ['序', '科目名稱', '修課方式', '成績'], rows },
        { kind: 'table', caption: '寬表', columns: Array.from({ length: 9 }, (_, i) => `欄位${i + 1}`), rows: [Array.from({ length: 9 }, (_, i) => `值${i + 1}`)] },
        { kind: 'table', caption: '空表', columns: ['甲'], rows: [], empty: '（無資料）' },
        { kind: 'keep', points: 220 },
        { kind: 'checkboxes', items: ['以上資料正確，我確認無誤', '資料有誤，我提出疑義（請寫在下方）'] },
        { kind: 'writing', label: '疑義說明', lines: 3 },
        { kind: 'signatures', labels: ['學生簽名', '家長簽名', '日期'] },
      ],
    },
    { label: '301 班 6 號 李小華', blocks: [{ kind: 'heading', level: 1, text: '第二份' }, { kind: 'paragraph', text: 'English too: ABC 123.' }] },
  ],
};

describe('PDF documents with the CJK font embedded', () => {
  it('embeds only a Noto Sans TC subset with a ToUnicode map, so the Chinese text extracts as written', async () => {
    const bytes = await bytesOf(spec);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const fonts = await pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansTC/);
      expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
    }
    expect(new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))).toEqual(new Set(['NotoSansTC-Regular', 'NotoSansTC-Bold']));
    const text = await pdfText(bytes);
    for (const words of ['臺北市立建國高級中學', '收訖明細紙本確認單', '301 班 5 號 王小明', '國語文（第 70 節）', '以上資料正確，我確認無誤', '學生簽名', '列印日期：民國 115/11/28', '（無資料）', '欄位9', 'English too: ABC 123.']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/第\s*1\s*筆/);
  });

  it('numbers the pages of each section on its own, repeats the header row, and draws every page', async () => {
    const bytes = await bytesOf(spec);
    const pages = await pdfPageCount(bytes);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = (await pdfText(bytes)).split('\f');
    const first = pages - 1; // the second section is one page
    for (let n = 1; n <= first; n++) expect(text[n - 1]).toContain(`第 ${n} 頁，共 ${first} 頁`);
    expect(text[pages - 1]).toContain('第 1 頁，共 1 頁');
    expect(text[pages - 1]).toContain('301 班 6 號 李小華');
    // The long table runs onto the second page with its header row again.
    expect(text[1]).toContain('科目名稱');
    expect(text[1]).toMatch(/國語文（第 \d+ 節）/);
    const dir = await tempDir();
    const png = await pdfPagePng(bytes, 1, path.join(dir, 'page-1.png'));
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    for (let page = 1; page <= pages; page++) expect(await pdfPageInk(bytes, page)).toBeGreaterThan(0.005);
  });

  it('streams the PDF into content-addressed storage and leaves no temp file', async () => {
    const storage = new LocalFileStorage(await tempDir());
    // The temp folder is taken from TMPDIR at each call: a private one shows exactly what is left.
    const tmp = await tempDir();
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const { put, pages } = await storePdf(storage, spec);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(await storage.exists(put.sha256)).toBe(true);
      const stored = new Uint8Array(await new Response(await storage.open(put.sha256)).arrayBuffer());
      expect(stored.byteLength).toBe(put.size);
      expect(await pdfText(stored)).toContain('王小明');
      expect(await fs.readdir(tmp)).toEqual([]);
      const many: PdfDocumentSpec = { ...spec, sections: [{ label: 'x', blocks: Array.from({ length: 2001 }, () => ({ kind: 'pageBreak' as const })) }] };
      const r3 = await storePdf(storage, many).catch((e: unknown) => e); if (!(r3 instanceof DomainError)) console.log("REFUSED3", String(r3));
      expect(r3).toBeInstanceOf(DomainError);
      expect(await fs.readdir(tmp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  it('refuses a document past the page limit with pdf-too-many-pages, leaving nothing behind', async () => {
    const many: PdfDocumentSpec = { ...spec, sections: [{ label: 'x', blocks: Array.from({ length: 2001 }, () => ({ kind: 'pageBreak' as const })) }] };
    const refused = await renderPdf(many).catch((e: unknown) => e);
    if (!(refused instanceof DomainError)) console.log("REFUSED", String(refused), (refused as any)?.stack);
    // The whole error on failure (toBeInstanceOf cuts a worker's reason off).
    expect(refused instanceof DomainError ? refused.code : String(refused)).toBe('pdf-too-many-pages');
  });
});
