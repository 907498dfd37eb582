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
