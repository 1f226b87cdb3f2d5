import { uuidv7 } from 'uuidv7';

/** A new application-generated, time-ordered id (UUIDv7): rows can be created on any node. */
export function newId(): string {
  return uuidv7();
}

/** Timestamps are stored as ISO-8601 UTC strings: they sort as text on every dialect. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
