/**
 * What a recipient gains or loses between two allocations, in fen: the amounts are texts to the fen,
 * so a change is a subtraction of integers and its percentage one integer division, where decimal.js
 * made four objects per recipient (10 000 of them in a district's diff).
 */
import { at, fenText, parseScaled, roundHalfUp } from '../rules/kinds/allocation/scaled.js';

/** An amount as results write it ('1234.50') as a count of fen. */
export function fenOf(amount: string): bigint {
  const x = parseScaled(amount);
  if (x === null || x.scale > 2) throw new Error(`'${amount}' is not an amount to the fen`);
  return at(x, 2);
}

/** after − before in yuan, and as a percentage of before to two places, half up (null where before is zero). */
export function changeOf(before: bigint, after: bigint): { change: string; changePercent: string | null } {
  const change = after - before;
  if (before === 0n) return { change: fenText(change), changePercent: null };
  // Hundredths of a percent: change / before × 100 × 100, with the divisor made positive.
  const hundredths = before > 0n ? roundHalfUp(change * 10_000n, before) : roundHalfUp(-change * 10_000n, -before);
  return { change: fenText(change), changePercent: fenText(hundredths) };
}

/** The changes added up, to the fen. */
export const totalOf = (changes: ReadonlyArray<{ change: string }>): string => fenText(changes.reduce((s, c) => s + fenOf(c.change), 0n));
