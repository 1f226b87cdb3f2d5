// Benchmarks, reported as ratios against a baseline measured in the same run (never as
// absolute times): `pnpm --filter @licheng/bench bench [sqlite|mysql|sqlite,mysql] [queue|imports|stack|…] [name=value …]`.
// Each run also adds its table to results/<date>-<benchmarks>.md. `name=value` pairs size the data
// and the load of benchmarks that take them (stack: students, outcomesPerStudent, concurrency,
// seconds, rounds, warmupSeconds; deadline: students, seconds, thinkMs, uploadsPerSecond,
// uploadBytes, uploadSeconds, settleSeconds, diskFiles; bulk: rows, students, idleReadSeconds).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countyBench } from './county.ts';
import { queueBench } from './certification-queue.ts';
import { bulkBench } from './bulk.ts';
import { deadlineBench } from './deadline.ts';
import { importLatencyBench } from './import-latency.ts';
import { portalColdLoadBench } from './portal-cold-load.ts';
import { stackVsBareBench } from './stack-vs-bare.ts';

interface BenchResult {
  name: string;
  ratio: number;
  target: number;
  detail: string;
}

/** A benchmark gives one result, or several when it measures against several targets. */
const BENCHES: Record<string, (dialect: 'sqlite' | 'mysql', options: Record<string, number>) => Promise<BenchResult | BenchResult[]>> = {
  queue: queueBench,
  imports: importLatencyBench,
  stack: stackVsBareBench,
  'portal-cold-load': portalColdLoadBench,
  county: countyBench,
  deadline: deadlineBench,
  bulk: bulkBench,
};

const dialects = (process.argv[2] ?? 'sqlite').split(',') as Array<'sqlite' | 'mysql'>;
/** Which benchmarks to run; all when not given. */
const names = process.argv[3] && !process.argv[3].includes('=') ? process.argv[3].split(',') : Object.keys(BENCHES);
const unknown = names.filter((n) => !BENCHES[n]);
if (unknown.length) throw new Error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
/** `name=value` arguments, as numbers. */
const options = Object.fromEntries(process.argv.slice(3).filter((a) => a.includes('=')).map((a) => [a.split('=')[0]!, Number(a.split('=')[1])]));
const rows: string[] = [];
let failed = false;
for (const name of names) {
  for (const dialect of dialects) {
    const given = await BENCHES[name]!(dialect, options);
    for (const result of Array.isArray(given) ? given : [given]) {
      const verdict = result.ratio <= result.target ? 'ok' : 'OVER TARGET';
      if (result.ratio > result.target) failed = true;
      console.log(`${result.name} [${dialect}]: ${result.ratio.toFixed(2)}× baseline (target ≤ ${result.target}×) — ${verdict}`);
      console.log(`  ${result.detail}`);
      rows.push(`| ${result.name} | ${dialect} | ${result.ratio.toFixed(2)}× | ≤ ${result.target}× | ${verdict} | ${result.detail} |`);
    }
  }
}

const started = new Date();
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
fs.mkdirSync(folder, { recursive: true });
const file = path.join(folder, `${started.toISOString().slice(0, 10)}-${names.join('-')}.md`);
const [load1] = os.loadavg();
// Each run of the day adds its own section: the spread between runs is part of the result.
if (!fs.existsSync(file)) fs.writeFileSync(file, `# Benchmarks of ${started.toISOString().slice(0, 10)}: ${names.join(', ')}\n`);
fs.appendFileSync(
  file,
  [
    '',
    `## Run of ${started.toISOString().slice(11, 16)} UTC`,
    '',
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load average ${load1?.toFixed(1)} when the run ended, Node ${process.version}.`,
    '',
    '| benchmark | database | ratio | target | verdict | detail |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`results: ${path.relative(process.cwd(), file)}`);
process.exit(failed ? 1 : 0);
