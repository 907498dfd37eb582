import type { Comparison } from '../kinds/common.js';

export type FactValue = number | boolean | string;
export type Predicate = (value: FactValue) => boolean;

/** Compiles a condition into one closure that tests only the operators it names. */
export function compileComparison(c: Comparison): Predicate {
  const tests: Predicate[] = [];
  if (c.eq !== undefined) {
    const eq = c.eq;
    tests.push((v) => v === eq);
  }
  if (c.ne !== undefined) {
    const ne = c.ne;
    tests.push((v) => v !== ne);
  }
  if (c.gt !== undefined) {
    const gt = c.gt;
    tests.push((v) => (v as number) > gt);
  }
  if (c.gte !== undefined) {
    const gte = c.gte;
    tests.push((v) => (v as number) >= gte);
  }
  if (c.lt !== undefined) {
    const lt = c.lt;
    tests.push((v) => (v as number) < lt);
  }
  if (c.lte !== undefined) {
    const lte = c.lte;
    tests.push((v) => (v as number) <= lte);
  }
  if (c.in !== undefined) {
    const set = new Set<FactValue>(c.in);
    tests.push((v) => set.has(v));
  }
  if (tests.length === 1) return tests[0] as Predicate;
  return (v) => {
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

/** Without a condition an item applies to a positive number or to true. */
export const present: Predicate = (v) => (typeof v === 'number' ? v > 0 : v === true);

/** A numeric condition as one interval, when it can be one (everything but `ne` and `in`). */
export interface Interval {
  lo: number;
  loClosed: boolean;
  hi: number;
  hiClosed: boolean;
}

export function intervalOf(c: Comparison | undefined): Interval | undefined {
  // Without a condition a number counts when positive.
  if (!c) return { lo: 0, loClosed: false, hi: Infinity, hiClosed: false };
  if (c.ne !== undefined || c.in !== undefined) return undefined;
  if (c.eq !== undefined && typeof c.eq !== 'number') return undefined;
  let lo = -Infinity;
  let loClosed = false;
  let hi = Infinity;
  let hiClosed = false;
  const raiseLo = (v: number, closed: boolean) => {
    if (v > lo || (v === lo && !closed)) {
      lo = v;
      loClosed = closed;
    }
  };
  const lowerHi = (v: number, closed: boolean) => {
    if (v < hi || (v === hi && !closed)) {
      hi = v;
      hiClosed = closed;
    }
  };
  if (c.gt !== undefined) raiseLo(c.gt, false);
  if (c.gte !== undefined) raiseLo(c.gte, true);
  if (c.lt !== undefined) lowerHi(c.lt, false);
  if (c.lte !== undefined) lowerHi(c.lte, true);
  if (typeof c.eq === 'number') {
    raiseLo(c.eq, true);
    lowerHi(c.eq, true);
  }
  return { lo, loClosed, hi, hiClosed };
}
