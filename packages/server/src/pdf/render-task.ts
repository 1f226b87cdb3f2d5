import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { PdfLayout } from './layout.ts';
import type { PdfDocumentSpec, RenderedPdf } from './spec.ts';

/**
 * The worker thread's task (runOffThread): lays `spec` out and streams the PDF into the file at
 * `path` as pdfkit writes it, so only the document's page descriptions are held, never its
 * bytes twice. A failure removes the partial file.
 */
export async function renderPdfToFile(spec: PdfDocumentSpec, path: string): Promise<RenderedPdf> {
  const out = fs.createWriteStream(path, { mode: 0o600 });
  try {
    const layout = new PdfLayout(spec);
    layout.doc.pipe(out);
    layout.render();
    const pages = layout.doc.bufferedPageRange().count;
    layout.doc.end();
    await finished(out);
    return { pages, size: fs.statSync(path).size };
  } catch (error) {
    out.destroy();
    fs.rmSync(path, { force: true });
    throw error;
  }
}
