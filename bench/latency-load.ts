// The load generator of the import benchmark, in its own process so its own work never delays
// the server it measures: `tsx latency-load.ts <url> <token> <rate>` sends GET requests at a
// fixed rate (requests per second, at most MAX_IN_FLIGHT at once) until it reads a line on
// stdin, then prints each request's latency in milliseconds as JSON and exits. Latency counts
// from when a request was due, not when it was sent, so a server that stalls is charged for
// every request it delayed (a closed loop would send only a few during a stall and hide it).
import { createInterface } from 'node:readline';

const MAX_IN_FLIGHT = 32;
const [url, token, rateText] = process.argv.slice(2);
if (!url || !token) throw new Error('usage: latency-load.ts <url> <token> <rate>');
const interval = 1000 / Number(rateText ?? 50);
const latencies: number[] = [];
let failures = 0;
let stopping = false;
let inFlight = 0;
let slotFreed: (() => void) | null = null;

async function request(due: number): Promise<void> {
  try {
    const response = await fetch(url!, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) failures++;
  } catch {
    failures++;
  }
  latencies.push(performance.now() - due);
  inFlight--;
  slotFreed?.();
}

async function run(): Promise<void> {
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; !stopping; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (slotFreed = r));
    inFlight++;
    pending.push(request(due));
  }
  await Promise.all(pending);
}

const running = run();
process.stdout.write('ready\n');
createInterface({ input: process.stdin }).once('line', async () => {
  stopping = true;
  await running;
  process.stdout.write(`${JSON.stringify({ latencies, failures })}\n`);
  process.exit(0);
});
