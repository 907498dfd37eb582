/**
 * `npm run bench`: runs every benchmark in sequence. A benchmark is an async function in its own file
 * that prints its own tables and throws when its engines disagree; add new ones to the list below.
 */
import { compensationBenchmark } from './compensation-bench.js';
import { creditBenchmark } from './credit-bench.js';
import { formulaBenchmark } from './formula-bench.js';
import { pointsBenchmark } from './points-bench.js';
import { reportsBenchmark } from './reports-bench.js';
import { scorecardBenchmark } from './scorecard-bench.js';

const benchmarks: Array<[name: string, run: () => Promise<void>]> = [
  ['scorecard', scorecardBenchmark],
  ['formula', formulaBenchmark],
  ['credit', creditBenchmark],
  ['points', pointsBenchmark],
  ['compensation', compensationBenchmark],
  ['reports', reportsBenchmark],
];

const only = process.argv.slice(2);
const started = performance.now();
console.log(`node ${process.version}, ${process.platform}/${process.arch}; BENCH_MS=${process.env.BENCH_MS ?? '(default 2000)'}`);
for (const [name, run] of benchmarks) {
  if (only.length > 0 && !only.includes(name)) continue;
  try {
    await run();
  } catch (err) {
    // A disagreement makes every later figure suspect, so stop rather than print them.
    console.error(`\nbenchmark '${name}' failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
