import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Why a test that mounts a small filesystem cannot run here, or null when it can: mounting
 * needs root (CI runs as root); permission checks cannot be tested as root, and a full disk
 * cannot be made without a filesystem of its own.
 */
export function cannotMount(): string | null {
  if (process.platform !== 'linux') return 'mounting a tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs the tests as root)';
  return null;
}

/** A real small filesystem (tmpfs) mounted on a new temp folder; `remount` flips it read-only. */
export interface SmallFilesystem {
  dir: string;
  /** Writes zeros until the filesystem has no byte left (ENOSPC); returns the filler's path. */
  fill(): string;
  /** Removes what fill() wrote. */
  free(): void;
  readOnly(on: boolean): void;
  /** Unmounts (and removes the folder it made). */
  remove(): void;
}

/** Mounts a tmpfs of `sizeKb` on a new temp folder, or on the existing folder `at`. */
export function mountSmallFilesystem(sizeKb = 2048, at?: string): SmallFilesystem {
  const dir = at ?? fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(4096);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
      return filler;
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    readOnly(on) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]);
    },
    remove() {
      execFileSync('umount', [dir]);
      if (!at) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
