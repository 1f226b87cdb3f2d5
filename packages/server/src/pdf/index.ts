export { PDF_FONT } from './font.ts';
export { renderPdf, renderPdfBytes, storePdf, type PdfFile } from './render.ts';
export { MAX_CELL_CHARS, MAX_PDF_PAGES, type PdfBlock, type PdfDocumentSpec, type PdfSection, type RenderedPdf } from './spec.ts';
