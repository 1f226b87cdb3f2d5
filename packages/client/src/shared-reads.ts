/**
 * Reads the elements of one page share. A portal page mounts several elements that each need
 * the same answer (`platform.me`, a student's outcomes list): each asks, one request is made,
 * and every element gets the same answer. An answer is shared while it is in flight and for a
 * short time after (`maxAgeMs`), per connection — the apiBase, the token and the locale — so a
 * new token (another user, a refreshed token) never sees another's answer.
 *
 * Any write through a client of the same apiBase and token (a mutation, an upload, a posted
 * file) forgets that connection's answers, so what an element reads after a save is fresh.
 * Signing out forgets everything (`forgetSharedReads()`). A failed read is never kept.
 */
export interface SharedReadKey {
  apiBase: string;
  token: string | undefined;
  locale: string;
}

interface Entry {
  promise: Promise<unknown>;
  /** When the answer arrived (ms); null while in flight. */
  settledAt: number | null;
}

/** How long an answer is shared after it arrives, unless the reader says otherwise. */
export const SHARED_READ_MAX_AGE_MS = 10_000;

export class SharedReads {
  #entries = new Map<string, Entry>();
  #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  static #connection(key: SharedReadKey): string {
    return JSON.stringify([key.apiBase, key.token ?? '']);
  }

  static #key(key: SharedReadKey, path: string, input: unknown): string {
    return `${SharedReads.#connection(key)}\n${key.locale}\n${path}\n${input === undefined ? '' : JSON.stringify(input)}`;
  }

  /**
   * The answer of `read()` shared with every reader of the same connection, path and input: the
   * one in flight, or one that arrived less than `maxAgeMs` ago (the reader says how old an
   * answer it accepts).
   */
  read<T>(key: SharedReadKey, path: string, input: unknown, read: () => Promise<T>, maxAgeMs = SHARED_READ_MAX_AGE_MS): Promise<T> {
    const id = SharedReads.#key(key, path, input);
    const known = this.#entries.get(id);
    if (known && (known.settledAt === null || this.#now() - known.settledAt < maxAgeMs)) return known.promise as Promise<T>;
    const entry: Entry = { promise: Promise.resolve(), settledAt: null };
    entry.promise = read().then(
      (value) => {
        entry.settledAt = this.#now();
        return value;
      },
      (error: unknown) => {
        if (this.#entries.get(id) === entry) this.#entries.delete(id);
        throw error;
      },
    );
    this.#entries.set(id, entry);
    return entry.promise as Promise<T>;
  }

  /** Forgets the answers of one connection (after a write through it). */
  forget(key: Pick<SharedReadKey, 'apiBase' | 'token'>): void {
    const prefix = `${SharedReads.#connection({ ...key, locale: '' })}\n`;
    for (const id of [...this.#entries.keys()]) if (id.startsWith(prefix)) this.#entries.delete(id);
  }

  /** Forgets every answer (signing out). */
  clear(): void {
    this.#entries.clear();
  }
}

/** The page's shared reads: one for every client on the page. */
export const pageReads = new SharedReads();

/** Forgets every answer the page's elements share (call on signing out or switching users). */
export function forgetSharedReads(): void {
  pageReads.clear();
}
