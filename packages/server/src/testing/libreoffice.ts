import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Opening workbooks the way a school office does, in LibreOffice Calc (Debian
 * libreoffice-calc-nogui, installed by scripts/ensure-services.sh): every sheet of every file
 * saved as CSV by one headless `soffice`, then read back. What comes out is what Calc read —
 * its sheet names, in its order, and its cells as text.
 */
export interface CalcSheet {
  name: string;
  /** The sheet's rows as Calc writes them to CSV: every row as wide as the sheet's used range. */
  rows: string[][];
}

/** CSV export: comma, double quote, UTF-8 (76), numbers as numbers, raw values, every sheet to its own file (token 12 = -1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * Each workbook as LibreOffice reads it, in the order given. One `soffice` for all of them (it
 * is slow to start), with a private profile in a temporary folder so parallel runs do not meet;
 * the folder is removed afterwards.
 */
export async function openInLibreOffice(workbooks: readonly Uint8Array[], options: { timeoutMs?: number } = {}): Promise<CalcSheet[][]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'licheng-calc-test-'));
  try {
    const files = workbooks.map((_, i) => path.join(dir, `w${i}.xlsx`));
    await Promise.all(workbooks.map((bytes, i) => fs.writeFile(files[i]!, bytes)));
    const out = path.join(dir, 'out');
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const { stdout, stderr } = await run(
      'soffice',
      ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${profile}`, '--convert-to', CSV_FILTER, '--outdir', out, ...files],
      { timeout: options.timeoutMs ?? 90_000, maxBuffer: 16 * 1024 * 1024 },
    );
    // soffice says which file it converts, then each sheet it writes, in the workbook's order.
    const written = new Map<string, Array<{ name: string; csv: string }>>();
    let current: Array<{ name: string; csv: string }> | null = null;
    for (const line of stdout.split('\n')) {
      const converting = /^convert (.+?) using filter/.exec(line);
      if (converting) {
        current = [];
        written.set(path.basename(converting[1]!), current);
        continue;
      }
      const sheet = /^Writing sheet (.+) -> (.+\.csv)$/.exec(line.trimEnd());
      if (sheet && current) current.push({ name: sheet[1]!, csv: sheet[2]! });
    }
    return await Promise.all(
      files.map(async (file) => {
        const sheets = written.get(path.basename(file));
        if (!sheets?.length) throw new Error(`LibreOffice wrote no sheet of ${path.basename(file)}:\n${stdout}\n${stderr}`);
        return Promise.all(sheets.map(async ({ name, csv }) => ({ name, rows: parseCsv(await fs.readFile(csv, 'utf8')) })));
      }),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV as Calc writes it: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
