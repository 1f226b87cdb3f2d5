import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { MANIFEST_FILE, backupManifestSchema, objectFile, type BackupManifest } from './backup-format.ts';
import { OBJECT_REFERENCES } from '../storage/references.ts';
import type { EncodedValue } from './row-codec.ts';
import { hashFile, listFiles } from './secure-files.ts';

/** Something wrong with a backup, named by the file it concerns. */
export interface BackupIssue {
  file: string;
  problem: string;
}

export interface BackupCheck {
  manifest: BackupManifest | null;
  /** Damage: a restore refuses a backup with any of these. */
  issues: BackupIssue[];
  /** Objects the database referenced that were already missing or damaged when the backup was made. */
  incomplete: BackupManifest['problems'];
}

/** Reads and checks manifest.json's shape (nothing else). */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new Error(`${file} cannot be read: ${path.resolve(dir)} is not a backup (an interrupted backup stays in <dir>.partial and has no manifest)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a Licheng backup manifest: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Checks a backup against its manifest: every listed file is there with its size and SHA-256
 * (re-read from disk), nothing unlisted is there, every table file holds the rows the manifest
 * counts, every object sits under its own hash, and every object the database dump references
 * is in the backup.
 */
export async function verifyBackup(dir: string): Promise<BackupCheck> {
  let manifest: BackupManifest;
  try {
    manifest = await readManifest(dir);
  } catch (error) {
    return { manifest: null, issues: [{ file: MANIFEST_FILE, problem: error instanceof Error ? error.message : String(error) }], incomplete: [] };
  }
  const issues: BackupIssue[] = [];
  const intact = new Set<string>();
  for (const [file, expected] of Object.entries(manifest.files)) {
    const actual = await hashFile(path.join(dir, file)).catch(() => null);
    if (!actual) issues.push({ file, problem: 'missing from the backup' });
    else if (actual.size !== expected.size) issues.push({ file, problem: `size ${actual.size} bytes, the manifest says ${expected.size}` });
    else if (actual.sha256 !== expected.sha256) issues.push({ file, problem: `SHA-256 ${actual.sha256} does not match the manifest (${expected.sha256})` });
    else intact.add(file);
  }
  for (const file of await listFiles(dir)) {
    if (file !== MANIFEST_FILE && !(file in manifest.files)) issues.push({ file, problem: 'not listed in the manifest' });
  }
  const objects = new Set<string>();
  for (const object of manifest.objects) {
    if (object.file !== objectFile(object.sha256)) issues.push({ file: object.file, problem: `object ${object.sha256} is filed under the wrong name` });
    else if (manifest.files[object.file]?.sha256 !== object.sha256) issues.push({ file: object.file, problem: `the manifest's SHA-256 for this object is not its name` });
    objects.add(object.sha256);
  }
  const recorded = new Set(manifest.problems.map((p) => p.sha256));
  for (const table of manifest.tables) {
    if (!(table.file in manifest.files)) {
      issues.push({ file: table.file, problem: `the dump of table ${table.name} is not listed with a checksum` });
      continue;
    }
    if (!intact.has(table.file)) continue;
    const reference = OBJECT_REFERENCES.find((r) => r.table === table.name);
    const column = reference ? table.columns.indexOf(reference.column) : -1;
    let rows = 0;
    try {
      for await (const values of readTableDump(path.join(dir, table.file))) {
        rows++;
        if (values.length !== table.columns.length) throw new Error(`line ${rows} has ${values.length} values for ${table.columns.length} columns`);
        const sha = column >= 0 ? values[column] : null;
        if (typeof sha === 'string' && !objects.has(sha) && !recorded.has(sha)) issues.push({ file: table.file, problem: `row ${rows} references object ${sha}, which is not in the backup` });
      }
    } catch (error) {
      issues.push({ file: table.file, problem: `cannot be read: ${error instanceof Error ? error.message : error}` });
      continue;
    }
    if (rows !== table.rows) issues.push({ file: table.file, problem: `holds ${rows} rows, the manifest says ${table.rows}` });
  }
  return { manifest, issues, incomplete: manifest.problems };
}

/** The rows of one table file, as arrays of encoded values. */
export async function* readTableDump(file: string): AsyncGenerator<EncodedValue[]> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  const lines = readline.createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line) yield JSON.parse(line) as EncodedValue[];
  }
}
