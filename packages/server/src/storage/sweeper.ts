import type { LichengDb } from '@licheng/db';
import type { SweepableStorage } from './sweepable-storage.ts';
import { describeSweep, sweepStorage, type SweepReport } from './sweep.ts';

export interface Sweeper {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Sweeps every `intervalMs` in the background of the server process (an unref'd timer: it
 * never keeps the process alive). Runs never overlap; a failed run is logged, never thrown —
 * the next one tries again.
 */
export function startSweeper(db: LichengDb, storage: SweepableStorage, options: { intervalMs: number; graceMs: number; log?: (line: string) => void }): Sweeper {
  const log = options.log ?? ((line: string) => console.log(line));
  let running: Promise<SweepReport | null> | null = null;
  // One run at a time: a tick while a sweep is running waits for it instead of starting another.
  const runNow = (): Promise<SweepReport | null> => {
    running ??= sweepStorage(db, storage, { graceMs: options.graceMs })
      .then((report) => {
        log(`[licheng] ${describeSweep(report)}`);
        return report;
      })
      .catch((error: unknown) => {
        console.error('[licheng] sweep failed (the next run tries again):', error instanceof Error ? error.message : error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = options.intervalMs > 0 ? setInterval(() => void runNow(), options.intervalMs) : null;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
