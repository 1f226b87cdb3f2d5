// The load generator of the stack-vs-bare benchmark, in its own process: `tsx closed-load.ts <url>
// <token>[,<token>…] <concurrency> <seconds>` keeps <concurrency> GET requests in flight (each sends the next
// as soon as its answer is read, over keep-alive connections) for <seconds>, then prints
// `{ requests, failures, seconds, latencies }` (latencies in ms) as one JSON line and exits.
// Several tokens (comma-separated) are used in turn, one per request: many users, or many schools.
import http from 'node:http';

const [url, tokenList, concurrencyText, secondsText] = process.argv.slice(2);
if (!url || !tokenList) throw new Error('usage: closed-load.ts <url> <token> <concurrency> <seconds>');
const concurrency = Number(concurrencyText ?? 16);
const seconds = Number(secondsText ?? 5);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
const latencies: number[] = [];
let failures = 0;
const tokens = tokenList.split(',');
let turn = 0;

function once(): Promise<void> {
  const token = tokens[turn++ % tokens.length];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const request = http.get({ agent, hostname: target.hostname, port: target.port, path: target.pathname + target.search, headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.on('data', () => {});
      response.on('end', () => {
        if (response.statusCode !== 200) failures++;
        latencies.push(performance.now() - t0);
        resolve();
      });
    });
    request.on('error', () => {
      failures++;
      resolve();
    });
  });
}

const start = performance.now();
const end = start + seconds * 1000;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (performance.now() < end) await once();
}));
const elapsed = (performance.now() - start) / 1000;
agent.destroy();
process.stdout.write(`${JSON.stringify({ requests: latencies.length, failures, seconds: elapsed, latencies })}\n`);
