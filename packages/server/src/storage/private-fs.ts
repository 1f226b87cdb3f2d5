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

/** Makes an existing folder owner-only (the data folder and its stores, at start-up); another account's folder (EPERM) is left as it is. */
export async function tightenDir(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat || (stat.mode & 0o777) === PRIVATE_DIR_MODE) return;
  await fs.chmod(dir, PRIVATE_DIR_MODE).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPERM') throw error;
  });
}
