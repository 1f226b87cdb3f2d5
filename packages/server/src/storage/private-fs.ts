import fs from 'node:fs/promises';
import path from 'node:path';

/** Folders of the data folder: owner only, whatever the umask. */
export const PRIVATE_DIR_MODE = 0o700;
/** Stored files and the database: owner read/write only, whatever the umask. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` and any missing parents as owner-only folders (mkdir's mode is cut by the
 * umask, so every folder this call created is chmod-ed too). Existing folders are left as they are.
 */
export async function makePrivateDir(dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!first) return;
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    await fs.chmod(at, PRIVATE_DIR_MODE);
    if (at === path.resolve(first) || at === path.dirname(at)) break;
  }
}

/**
 * Sets an existing file's or folder's permission bits to `mode` when they differ; true when it
 * changed them. A missing path, or another account's (EPERM), is left as it is.
 */
export async function tightenMode(target: string, mode: number): Promise<boolean> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat || (stat.mode & 0o777) === mode) return false;
  return fs.chmod(target, mode).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPERM') throw error;
      return false;
    },
  );
}

/** Makes an existing folder owner-only (the data folder and its stores, at start-up). */
export async function tightenDir(dir: string): Promise<void> {
  await tightenMode(dir, PRIVATE_DIR_MODE);
}
