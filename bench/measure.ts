/**
 * Shared helpers for the benchmarks: a time-boxed throughput measurement (sync, awaited one by one, or
 * with many calls in flight), a seeded PRNG and table printing. Figures from one run on a shared
 * machine only mean something as ratios against a baseline measured in the same run.
 */

export interface Measurement {
  name: string;
  ops: number;
  seconds: number;
  perSecond: number;
}

export interface MeasureOptions {
  /** Measured time; BENCH_MS overrides the default so a quick smoke run stays short. */
  budgetMs?: number;
  warmupMs?: number;
}

const envMs = Number(process.env.BENCH_MS);
export const DEFAULT_BUDGET_MS = Number.isFinite(envMs) && envMs > 0 ? envMs : 2000;
export const DEFAULT_WARMUP_MS = Math.min(500, DEFAULT_BUDGET_MS / 4);

/** Each call's result is stored here, so an optimiser cannot prove the call useless. */
export let sink: unknown;

type SyncLoop = (fn: (i: number) => unknown, start: number, count: number) => unknown;
let loopSerial = 0;

/**
 * A fresh loop per measurement, compiled from a unique source: a single shared loop would see every
 * workload at its one call site, turn megamorphic, and slow whichever workload is measured last.
 */
function freshLoop(): SyncLoop {
  loopSerial++;
  return new Function(
    'fn',
    'start',
    'count',
    `/* loop ${loopSerial} */ let r; for (let i = start; i < start + count; i++) r = fn(i); return r;`,
  ) as SyncLoop;
}

function runFor(loop: SyncLoop, fn: (i: number) => unknown, ms: number, from: number): { ops: number; seconds: number } {
  // Reading the clock every call would weigh on workloads that take tens of nanoseconds.
  const chunk = 512;
  const t0 = performance.now();
  const end = t0 + ms;
  let ops = 0;
  let now = t0;
  do {
    sink = loop(fn, from + ops, chunk);
    ops += chunk;
    now = performance.now();
  } while (now < end);
  return { ops, seconds: (now - t0) / 1000 };
}

/** Calls `fn(0)`, `fn(1)`, … for the budget; the index lets the workload cycle through prepared inputs. */
export function measureSync(name: string, fn: (i: number) => unknown, opts: MeasureOptions = {}): Measurement {
  const loop = freshLoop();
  runFor(loop, fn, opts.warmupMs ?? DEFAULT_WARMUP_MS, 0);
  const { ops, seconds } = runFor(loop, fn, opts.budgetMs ?? DEFAULT_BUDGET_MS, 0);
  return { name, ops, seconds, perSecond: ops / seconds };
}

async function runAsyncFor(fn: (i: number) => Promise<unknown>, ms: number, inFlight: number): Promise<{ ops: number; seconds: number }> {
  const t0 = performance.now();
  const end = t0 + ms;
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (performance.now() < end) {
      sink = await fn(next++);
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { ops: done, seconds: (performance.now() - t0) / 1000 };
}

/** Awaits `fn(i)` with `inFlight` calls outstanding at any time (1: strictly one after another). */
export async function measureAsync(
  name: string,
  fn: (i: number) => Promise<unknown>,
  opts: MeasureOptions & { inFlight?: number } = {},
): Promise<Measurement> {
  const inFlight = opts.inFlight ?? 1;
  await runAsyncFor(fn, opts.warmupMs ?? DEFAULT_WARMUP_MS, inFlight);
  const { ops, seconds } = await runAsyncFor(fn, opts.budgetMs ?? DEFAULT_BUDGET_MS, inFlight);
  return { name, ops, seconds, perSecond: ops / seconds };
}

/** mulberry32: tiny, fast and good enough for test inputs; the same seed gives the same inputs everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(0);
}

/** Ratios below one read better as "1/47" than as "0.021x". */
export function formatRatio(r: number): string {
  if (r >= 100) return `${r.toFixed(0)}x`;
  if (r >= 10) return `${r.toFixed(1)}x`;
  if (r >= 1) return `${r.toFixed(2)}x`;
  const inverse = 1 / r;
  return `1/${inverse >= 10 ? inverse.toFixed(0) : inverse.toFixed(1)}`;
}

/** Left-aligns the first column and right-aligns the others; widths are measured in code points. */
export function printTable(header: string[], rows: string[][]): void {
  const width = (s: string) => [...s].length;
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - width(cell));
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
