// The disk baseline of the deadline benchmark, run by plain node (no loader, no server code):
// `node disk-write.mjs <dir> <count> <bytes>` writes <count> files of <bytes> distinct bytes
// each into <dir>, one after the other, each written and fsync'd before the next, and prints
// `{ ms: [...] }`: the time of each write + fsync, in milliseconds.
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const [dir, countText, bytesText] = process.argv.slice(2);
const bytes = randomFillSync(Buffer.alloc(Number(bytesText)));
const ms = [];
for (let i = 0; i < Number(countText); i++) {
  bytes.writeUInt32LE(i, 16);
  const t0 = performance.now();
  const handle = await fs.open(path.join(dir, `disk-${i}`), 'w', 0o600);
  await handle.write(bytes);
  await handle.sync();
  await handle.close();
  ms.push(performance.now() - t0);
}
process.stdout.write(`${JSON.stringify({ ms })}\n`);
