import fsp from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { PdfLayout } from './layout.ts';
import type { PdfDocumentSpec, RenderedPdf } from './spec.ts';

/**
 * The worker thread's task (runOffThread): lays `spec` out and streams the PDF into the file at
 * `path` as pdfkit writes it, so only the document's page descriptions are held, never its
 * bytes twice. The file is opened before the layout starts and, on failure, closed before it is
 * removed: the layout holds this thread's event loop, and a stream still opening when the
 * caller removes the folder would fail later, uncaught, and end the worker under the next task.
 */
export async function renderPdfToFile(spec: PdfDocumentSpec, path: string): Promise<RenderedPdf> {
  const handle = await fsp.open(path, 'wx', 0o600);
  const out = handle.createWriteStream();
  let layout: PdfLayout | null = null;
  try {
    layout = new PdfLayout(spec);
    layout.doc.pipe(out);
    layout.render();
    const pages = layout.doc.bufferedPageRange().count;
    layout.doc.end();
    await finished(out);
    return { pages, size: (await fsp.stat(path)).size };
  } catch (error) {
    layout?.doc.unpipe(out);
    out.destroy();
    await finished(out).catch(() => undefined);
    await fsp.rm(path, { force: true });
    throw error;
  }
}
