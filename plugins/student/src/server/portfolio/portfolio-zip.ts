import { taipeiDate, type Locale } from '@licheng/core';
import { renderPdfBytes, zipStream, type AuthedContext, type Student, type ZipEntry } from '@licheng/server';
import { archivePath, portfolioHtml } from './portfolio-html.ts';
import { portfolioPdfSpec } from './portfolio-pdf.ts';
import { readPortfolio, type Portfolio, type PortfolioFile } from './portfolio-read.ts';

const enc = new TextEncoder();

/** The portfolio as a PDF (portfolio-pdf.ts), laid out in the worker thread; `paths` name each file's place in the ZIP. */
async function pdfOf(ctx: AuthedContext, portfolio: Portfolio, paths: ReadonlyMap<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  const spec = portfolioPdfSpec(portfolio, paths, { school: ctx.config.name, locale: ctx.locale as Locale, today: taipeiDate(ctx.now()), now: ctx.now() });
  return (await renderPdfBytes(spec)).bytes;
}

/** The whole portfolio as a PDF alone: every record, its certification and selection, the caps (the files by name). */
export async function portfolioPdf(ctx: AuthedContext, student: Student): Promise<Uint8Array<ArrayBuffer>> {
  return pdfOf(ctx, await readPortfolio(ctx, student), new Map());
}

/**
 * The whole portfolio as a ZIP: index.html (every record by semester, linking the files),
 * portfolio.pdf (the same as a document to keep and print, naming where each file is) and each
 * record's document and media file under files/<year>-<semester>/. The records are read in one
 * query before the first byte; the files are streamed from storage one at a time as the
 * browser reads, so memory stays at a chunk whatever the portfolio's size. A file missing from
 * storage becomes a short note in its place rather than a broken archive.
 */
export async function portfolioZip(ctx: AuthedContext, student: Student): Promise<ReadableStream<Uint8Array>> {
  const portfolio = await readPortfolio(ctx, student, { withHashes: true });
  const locale = ctx.locale as Locale;
  const files: Array<{ path: string; file: PortfolioFile }> = [];
  const paths = new Map<string, string>();
  for (const semester of portfolio.semesters) {
    semester.records.forEach((record, index) => {
      for (const file of [record.document, record.media]) {
        if (!file?.sha256 || paths.has(file.id)) continue;
        const path = archivePath(record, index, file, locale);
        paths.set(file.id, path);
        files.push({ path, file });
      }
    });
  }
  const html = portfolioHtml(portfolio, paths, locale, taipeiDate(ctx.now()));
  // Made before the first byte is sent: a document that cannot be made fails the download, never a broken archive.
  const pdf = await pdfOf(ctx, portfolio, paths);
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: 'index.html', body: async () => enc.encode(html) };
    yield { name: 'portfolio.pdf', body: async () => pdf };
    for (const { path, file } of files) {
      const body = await ctx.storage.open(file.sha256!).catch(() => null);
      if (body) yield { name: path, body: async () => body };
      else yield { name: `${path}.missing.txt`, body: async () => enc.encode(locale === 'zh-TW' ? '此檔案暫時無法讀取，請洽學校。\n' : 'This file cannot be read right now; please tell the school.\n') };
    }
  }
  return zipStream(entries(), ctx.now());
}

/** The download's file name: 學習歷程-<學號>-<date>.zip (or .pdf). */
export function portfolioFileName(student: Student, locale: Locale, today: string, extension: 'zip' | 'pdf' = 'zip'): string {
  return `${locale === 'zh-TW' ? '學習歷程' : 'portfolio'}-${student.student_no}-${today}.${extension}`;
}
