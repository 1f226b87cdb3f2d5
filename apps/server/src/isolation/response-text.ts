import JSZip from 'jszip';
import { pdfText } from '@licheng/server/testing';

/** A response body as searchable text: spreadsheets and ZIPs unpacked, PDFs as extracted text. */
export async function bodyText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = await JSZip.loadAsync(bytes);
    const parts: string[] = [];
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const inner = await entry.async('uint8array');
      parts.push(entry.name, inner[0] === 0x25 && inner[1] === 0x50 ? await pdfText(inner) : Buffer.from(inner).toString('utf8'));
    }
    return parts.join('\n');
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return pdfText(bytes);
  return Buffer.from(bytes).toString('utf8');
}
