// Benchmarks, reported as ratios against a baseline measured in the same run (never as
// absolute times): `pnpm --filter @licheng/bench bench [sqlite|mysql]`.
import { queueBench } from './certification-queue.ts';

const dialects = (process.argv[2] ?? 'sqlite').split(',') as Array<'sqlite' | 'mysql'>;
let failed = false;
for (const dialect of dialects) {
  const result = await queueBench(dialect);
  const verdict = result.ratio <= result.target ? 'ok' : 'OVER TARGET';
  if (result.ratio > result.target) failed = true;
  console.log(`${result.name} [${dialect}]: ${result.ratio.toFixed(2)}× baseline (target ≤ ${result.target}×) — ${verdict}`);
  console.log(`  ${result.detail}`);
}
process.exit(failed ? 1 : 0);
