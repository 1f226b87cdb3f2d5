/** What a stored object is: its content hash, size and the first bytes (for type sniffing). */
export interface PutResult {
  sha256: string;
  size: number;
  head: Uint8Array;
  /** False when the same content was already stored (by an earlier upload). */
  created: boolean;
}

/**
 * Where uploaded files live. Objects are addressed by content hash, so the same file uploaded
 * twice is stored once; the database rows that name an object decide whether it is in use.
 * Requests only add objects: removing one is the sweep's alone (sweepStorage), after a grace
 * period, because another request may be about to reference the same bytes.
 */
export interface FileStorage {
  /** Streams `body` into the store; rejects with `tooLarge` past `maxBytes`, leaving nothing behind. */
  put(body: ReadableStream<Uint8Array>, options: { maxBytes: number; tooLarge: () => Error }): Promise<PutResult>;
  /** A stream of the object's bytes; rejects when the object does not exist. */
  open(sha256: string): Promise<ReadableStream<Uint8Array>>;
  exists(sha256: string): Promise<boolean>;
  /** Every stored object's hash, for orphan sweeps and backups. */
  list(): AsyncIterable<string>;
  /** This process's private folder for files in flight (spooled uploads), when the store has one. */
  readonly tempDir?: string;
}
