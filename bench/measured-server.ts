// What both servers of the stack-vs-bare benchmark share, so each side is measured the same way:
// listen on a free port of 127.0.0.1, print `{"port":N}`, then answer commands read on stdin —
// `start` zeroes the request count and notes the process's CPU time; `stop` prints the CPU time
// (user + system, µs) and the requests served since `start`; `exit` ends the process.
import { createInterface } from 'node:readline';
import { serve } from '@hono/node-server';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

export function serveMeasured(fetch: Fetch): void {
  let requests = 0;
  let since = process.cpuUsage();
  const server = serve({ fetch: (request, env) => (requests++, fetch(request, env)), hostname: '127.0.0.1', port: 0 }, (info) => {
    process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
  });
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'start') {
      requests = 0;
      since = process.cpuUsage();
      process.stdout.write('ok\n');
    } else if (line === 'stop') {
      const used = process.cpuUsage(since);
      process.stdout.write(`${JSON.stringify({ cpuMicros: used.user + used.system, requests })}\n`);
    } else if (line === 'exit') {
      server.close();
      process.exit(0);
    }
  });
}
