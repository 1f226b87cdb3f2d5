import { DomainError } from '@licheng/core';
import { threadId } from 'node:worker_threads';

/** Tasks the worker tests send to the worker thread. */
export function whichThread(): number {
  return threadId;
}

export function refuse(code: string): never {
  throw new DomainError(code, { max: 5 });
}

export function endThread(): never {
  process.exit(3);
}
