// What the deadline and bulk benchmarks' servers share: listen on a free port of 127.0.0.1, print
// `{"port":N}`, sample the process's resident memory every 50 ms, and answer commands read on
// stdin — `usage` prints `{ cpuMicros, rss, peakRss }` (CPU time user + system since the process
// started, µs; resident memory now and its highest sample since the previous `usage`, bytes);
// `exit` ends the process.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { serve } from '@hono/node-server';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

export function serveObserved(fetch: Fetch): void {
  let peakRss = process.memoryUsage.rss();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50).unref();
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
    process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
  });
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'usage') {
      const cpu = process.cpuUsage();
      const rss = process.memoryUsage.rss();
      const loop = { loopDelayP99: loopDelay.percentile(99) / 1e6, loopDelayMax: loopDelay.max / 1e6 };
      process.stdout.write(`${JSON.stringify({ cpuMicros: cpu.user + cpu.system, rss, peakRss: Math.max(peakRss, rss), ...loop })}\n`);
      peakRss = rss;
      loopDelay.reset();
    } else if (line === 'exit') {
      server.close();
      process.exit(0);
    }
  });
}
