import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FileStorage, PutResult } from '../storage/file-storage.ts';
import { runOffThread, WorkerFailed, type OffThreadTask } from '../workers/off-thread.ts';
import { MAX_PDF_PAGES, type PdfDocumentSpec, type RenderedPdf } from './spec.ts';

const RENDER_TASK: OffThreadTask = { module: new URL('./render-task.ts', import.meta.url), name: 'renderPdfToFile' };

/** A PDF written to a private temp file: read it with `open()`, then `remove()` it. */
export interface PdfFile extends RenderedPdf {
  path: string;
  open(): ReadableStream<Uint8Array>;
  remove(): Promise<void>;
}

/**
 * Renders `spec` in the worker thread (runOffThread: off the request thread, its heap capped) to
 * a temp file of its own; the caller streams it on and removes it. A worker that fails (out of
 * memory, a crash) becomes a plain Error; a DomainError (pdf-too-many-pages) reaches the caller
 * as it is. Nothing is left behind on failure.
 */
export async function renderPdf(spec: PdfDocumentSpec): Promise<PdfFile> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'licheng-pdf-'));
  const file = path.join(dir, 'document.pdf');
  const remove = () => fsp.rm(dir, { recursive: true, force: true });
  try {
    const rendered = await runOffThread<RenderedPdf>(RENDER_TASK, spec, file);
    return {
      ...rendered,
      path: file,
      open: () => Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
      remove,
    };
  } catch (error) {
    await remove();
    if (error instanceof WorkerFailed) throw new Error(`the PDF could not be made (at most ${MAX_PDF_PAGES} pages): ${error.message}`);
    throw error;
  }
}

/**
 * Renders `spec` and streams the PDF into the school's content-addressed storage (the temp file
 * is removed either way). The caller records the stored_files row in its transaction.
 */
export async function storePdf(storage: FileStorage, spec: PdfDocumentSpec): Promise<{ put: PutResult; pages: number }> {
  const pdf = await renderPdf(spec);
  try {
    const put = await storage.put(pdf.open(), { maxBytes: pdf.size, tooLarge: () => new Error('PDF larger than rendered') });
    return { put, pages: pdf.pages };
  } finally {
    await pdf.remove();
  }
}

/**
 * Renders `spec` and reads the PDF back into memory (the temp file removed): for a document sent
 * on at once — a student's own portfolio, a few pages — rather than kept as a file of the school.
 */
export async function renderPdfBytes(spec: PdfDocumentSpec): Promise<{ bytes: Uint8Array<ArrayBuffer>; pages: number }> {
  const pdf = await renderPdf(spec);
  try {
    return { bytes: new Uint8Array(await fsp.readFile(pdf.path)), pages: pdf.pages };
  } finally {
    await pdf.remove();
  }
}
