/**
 * `npm run bench`: runs every benchmark in sequence. A benchmark is an async function in its own file
 * that prints its own tables, records its figures (figures.ts) and throws when its engines disagree;
 * add new ones to the list below.
 *
 *   npx tsx bench/run.ts credit points     only these
 *   npm run bench -- --json                 and, as the last line, one JSON object of the figures
 *   npx tsx bench/run.ts scale [--json]     the 700 000-resident district (not in the default run: about
 *                                           20 minutes here, most of it building the district)
 */
import { compensationBenchmark } from './compensation-bench.js';
import { creditBenchmark } from './credit-bench.js';
import { allFigures } from './figures.js';
import { formulaBenchmark } from './formula-bench.js';
import { pointsBenchmark } from './points-bench.js';
import { reportsBenchmark } from './reports-bench.js';
import { scaleBenchmark } from './scale-bench.js';
import { scorecardBenchmark } from './scorecard-bench.js';

const benchmarks: Array<{ name: string; run: () => Promise<void>; byDefault: boolean }> = [
  { name: 'scorecard', run: scorecardBenchmark, byDefault: true },
  { name: 'formula', run: formulaBenchmark, byDefault: true },
  { name: 'credit', run: creditBenchmark, byDefault: true },
  { name: 'points', run: pointsBenchmark, byDefault: true },
  { name: 'compensation', run: compensationBenchmark, byDefault: true },
  { name: 'reports', run: reportsBenchmark, byDefault: true },
  { name: 'scale', run: scaleBenchmark, byDefault: false },
];

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
const unknown = only.filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`no benchmark ${unknown.join(', ')} (there are: ${benchmarks.map((b) => b.name).join(', ')})`);
  process.exit(2);
}
const started = performance.now();
console.log(`node ${process.version}, ${process.platform}/${process.arch}; BENCH_MS=${process.env.BENCH_MS ?? '(default 2000)'}`);
for (const { name, run, byDefault } of benchmarks) {
  if (only.length > 0 ? !only.includes(name) : !byDefault) continue;
  try {
    await run();
  } catch (err) {
    // A disagreement makes every later figure suspect, so stop rather than print them.
    console.error(`\nbenchmark '${name}' failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (json) console.log(JSON.stringify(allFigures()));
