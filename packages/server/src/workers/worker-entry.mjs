// The worker thread's side of runOffThread (off-thread.ts): it imports the task's module and
// calls the named export with the arguments it is sent, one task at a time, and answers with the
// result or the error. The modules are TypeScript, so tsx's loader is registered for this thread
// first (loader hooks a process was started with do not reach its worker threads on Node 20).
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';

// Requests come first: on Linux this thread (a task of its own there) runs at the lowest CPU
// priority, so on a busy server the request thread is scheduled before the import's work.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 19);
} catch {
  // Not Linux, or not allowed: the worker runs at the process's priority.
}

const { register } = await import('tsx/esm/api');
register();

function describe(error) {
  if (error && typeof error === 'object' && error.name === 'DomainError' && typeof error.code === 'string') {
    return { domain: true, code: error.code, params: error.params ?? {}, message: String(error.message) };
  }
  return { domain: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

parentPort.on('message', async ({ id, module, name, args }) => {
  try {
    const exports = await import(module);
    if (typeof exports[name] !== 'function') throw new Error(`${module} has no function ${name}`);
    const value = await exports[name](...args);
    parentPort.postMessage({ id, ok: true, value });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: describe(error) });
  }
});
