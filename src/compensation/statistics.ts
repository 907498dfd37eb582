import { mean, median, sum } from 'simple-statistics';

/**
 * Summary statistics of a set of amounts. Mean and median from simple-statistics; the Gini coefficient,
 * which it does not provide, by the standard sorted-rank formula G = 2Σ i·x_(i) / (n Σx) − (n+1)/n.
 * Statistics describe, they do not pay: floats are fine here, amounts stay decimal elsewhere.
 */
export function summary(amounts: readonly number[]): { mean: number; median: number; gini: number } {
  if (amounts.length === 0) return { mean: 0, median: 0, gini: 0 };
  const sorted = [...amounts].sort((a, b) => a - b);
  const total = sum(sorted);
  const n = sorted.length;
  const gini = total === 0 ? 0 : (2 * sum(sorted.map((x, i) => (i + 1) * x))) / (n * total) - (n + 1) / n;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { mean: round(mean(sorted)), median: round(median(sorted)), gini: round(gini) };
}
