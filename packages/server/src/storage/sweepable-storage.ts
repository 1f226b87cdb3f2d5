import type { FileStorage } from './file-storage.ts';
import type { TempSweep } from './temp-folders.ts';

/**
 * What the sweep (sweepStorage, the only remover) needs of a store: how old an object is, a
 * removal that never loses bytes a concurrent put has just stored, and a clean-up of what
 * crashed processes left behind. LocalFileStorage and S3FileStorage implement it.
 */
export interface SweepableStorage extends FileStorage {
  /** This process's private temp folder (uploads in flight). */
  readonly tempDir: string;
  /** When the object was last stored (ms since the epoch), or null when it does not exist. */
  storedAt(sha256: string): Promise<number | null>;
  /**
   * Removes the object when it was last stored before `cutoffMs`; returns its size, or null when
   * it was kept. A put of the same bytes that answers while this runs keeps its object. Only the
   * sweep calls this, inside a transaction where no row references the object.
   */
  removeIfOlderThan(sha256: string, cutoffMs: number): Promise<number | null>;
  /** Removes temp files of processes that are gone and stale temp files; never a live process's. */
  sweepTemp(options: { graceMs: number; now?: number }): Promise<TempSweep>;
  /** Local disk only: makes the store's folders owner-only (they may predate this version); run at start-up. */
  tighten?(): Promise<void>;
  /** Local disk only: makes the object folders owner-only (they may predate this version). */
  tightenObjectFolders?(): Promise<void>;
  /** Local disk only: an object's file mode made owner-only when it is looser; true when changed. */
  tightenObject?(sha256: string): Promise<boolean>;
}
