/** Objects copied at once by a backup or a restore: their fsync waits overlap. */
export const COPY_LANES = 8;

/** Runs `work` on every item with at most `limit` running at once (file copies overlap their fsync waits). Stops at the first failure. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
