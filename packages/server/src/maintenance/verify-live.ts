import { createHash } from 'node:crypto';
import type { LichengDb } from '@licheng/db';
import { missingUnlessFault, type FileStorage } from '../storage/index.ts';
import { referencedObjects, rowsReferencing } from '../storage/references.ts';

export interface LiveIssue {
  problem: 'missing' | 'hash-mismatch' | 'unreferenced';
  sha256: string;
  /** The rows naming the object (`stored_files <id> <original name>`). */
  rows: string[];
}

export interface LiveCheck {
  referenced: number;
  objects: number;
  issues: LiveIssue[];
}

/**
 * Checks the live data (fsck): every object a row references exists and its bytes hash to its
 * name (every object is re-read), and every stored object is referenced. References are read
 * before the objects are listed, and an object found unreferenced is looked up again at the
 * end, so an upload committing while this runs is not reported.
 */
export async function verifyLive(options: { db: LichengDb; storage: FileStorage }): Promise<LiveCheck> {
  const { db, storage } = options;
  const referenced = await referencedObjects(db.kysely);
  const present = new Set<string>();
  for await (const sha of storage.list()) present.add(sha);
  const issues: LiveIssue[] = [];
  for (const sha256 of [...referenced].sort()) {
    if (!present.has(sha256)) issues.push({ problem: 'missing', sha256, rows: await rowsReferencing(db.kysely, sha256) });
  }
  for (const sha256 of [...present].sort()) {
    const actual = await hashObject(storage, sha256);
    if (actual === null) {
      if (referenced.has(sha256)) issues.push({ problem: 'missing', sha256, rows: await rowsReferencing(db.kysely, sha256) });
    } else if (actual !== sha256) issues.push({ problem: 'hash-mismatch', sha256, rows: await rowsReferencing(db.kysely, sha256) });
  }
  const unreferenced = [...present].filter((sha) => !referenced.has(sha));
  if (unreferenced.length) {
    const now = await referencedObjects(db.kysely);
    for (const sha256 of unreferenced.sort()) if (!now.has(sha256)) issues.push({ problem: 'unreferenced', sha256, rows: [] });
  }
  return { referenced: referenced.size, objects: present.size, issues };
}

/** The SHA-256 of an object's bytes as storage returns them, or null when it cannot be opened. */
async function hashObject(storage: FileStorage, sha256: string): Promise<string | null> {
  const body = await storage.open(sha256).catch(missingUnlessFault);
  if (!body) return null;
  const hash = createHash('sha256');
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return hash.digest('hex');
}
