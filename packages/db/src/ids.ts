import { uuidv7 } from 'uuidv7';

/** A new application-generated, time-ordered id (UUIDv7): rows can be created on any node. */
export function newId(): string {
  return uuidv7();
}

/** Timestamps are stored as ISO-8601 UTC strings: they sort as text on every dialect. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/**
 * How many values one `IN (…)` list carries: well inside SQLite's limit of bound parameters
 * (32,766) and MySQL's packet size, so a list of every student of a school becomes a few queries.
 */
export const IDS_PER_QUERY = 500;

/** `items` in slices of `size` (the last one shorter), for queries over many ids. */
export function inChunks<T>(items: readonly T[], size = IDS_PER_QUERY): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
