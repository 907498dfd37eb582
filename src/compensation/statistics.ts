import { sum } from 'simple-statistics';
import { fenText, roundHalfUp } from '../rules/kinds/allocation/scaled.js';
import { fenOf } from './changes.js';

/**
 * Summary statistics of a set of amounts (texts to the fen). The mean and the median are money, so they
 * are worked out in fen as integers and written as yuan to the fen, half up (a median of an even count is
 * the mean of the two middle amounts). The Gini coefficient is a ratio that describes and decides nothing,
 * by the standard sorted-rank formula G = 2Σ i·x_(i) / (n Σx) − (n+1)/n, in doubles to six places.
 */
export function summary(amounts: readonly string[]): { mean: string; median: string; gini: number } {
  if (amounts.length === 0) return { mean: '0.00', median: '0.00', gini: 0 };
  const fen = amounts.map(fenOf).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = fen.length;
  const total = fen.reduce((s, x) => s + x, 0n);
  const middle = n % 2 === 1 ? (fen[(n - 1) / 2] as bigint) : roundHalfUp((fen[n / 2 - 1] as bigint) + (fen[n / 2] as bigint), 2n);
  const doubles = fen.map(Number);
  const whole = sum(doubles);
  const gini = whole === 0 ? 0 : (2 * sum(doubles.map((x, i) => (i + 1) * x))) / (n * whole) - (n + 1) / n;
  return { mean: fenText(roundHalfUp(total, BigInt(n))), median: fenText(middle), gini: Math.round(gini * 1e6) / 1e6 };
}
