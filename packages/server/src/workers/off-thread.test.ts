import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@licheng/core';
import { readTableFile, readTableFileHere, type TableLimits } from '../tables/table-file.ts';
import { runOffThread, WorkerFailed } from './off-thread.ts';

const tasks = (name: string) => ({ module: new URL('./test-tasks.ts', import.meta.url), name });
const LIMITS: TableLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 50_000, headerRows: 10, maxColumns: 100 };

/** How many times a 1 ms interval fires while `work` runs: none when the work holds the thread. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe('runOffThread', () => {
  it('runs the task in another thread and brings back its answer', async () => {
    const other = await runOffThread<number>(tasks('whichThread'));
    expect(other).not.toBe(threadId);
  });

  it('brings back a DomainError as a DomainError, and anything else as WorkerFailed', async () => {
    const refused = await runOffThread(tasks('refuse'), 'import-too-many-rows').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'import-too-many-rows', params: { max: 5 } });
    const missing = await runOffThread(tasks('noSuchTask')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(WorkerFailed);
    expect((missing as WorkerFailed).exited).toBe(false);
  });

  it('survives a task that ends its thread: that task fails, the next one runs in a new thread', async () => {
    const ended = await runOffThread(tasks('endThread')).catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(WorkerFailed);
    expect((ended as WorkerFailed).exited).toBe(true);
    expect(await runOffThread<number>(tasks('whichThread'))).not.toBe(threadId);
  });

  it('keeps the request thread free while a large file is parsed: its timers fire throughout', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `S${i},學生${i},A123456789,2009-05-12,1,101,${i % 50},日間部,s${i}`);
    const csv = new TextEncoder().encode(`學號,姓名,身分證號,出生日期,年級,班級,座號,部別,系統帳號\n${lines.join('\n')}\n`);
    await readTableFile(new TextEncoder().encode('a,b\n'), LIMITS); // the worker is up
    let rows = 0;
    const inWorker = await ticksDuring(async () => (rows = (await readTableFile(csv, LIMITS)).rows.length));
    expect(rows).toBe(50_001);
    // The same parse on this thread holds it from start to end: its timers cannot fire.
    const here = await ticksDuring(() => readTableFileHere(csv, LIMITS));
    expect(here).toBeLessThanOrEqual(1);
    expect(inWorker).toBeGreaterThan(10);
  });
});
