/**
 * What one award is worth under the points catalogue, and the dates and keys that go with it. Pure.
 */
import Decimal from 'decimal.js';
import { addDays } from '../../../platform/dates.js';
import type { PointsAction } from './body.js';

/** Why an award cannot be made: a malformed request, or one the catalogue refuses. */
export type AwardRefusal = { field: string; code: 'validation' | 'award-refused'; reason: string };

export function awardPoints(action: PointsAction, amount: { value: string; unit: string } | undefined): number | AwardRefusal {
  const unit = action.perUnit?.unit ?? action.amountUnit;
  if (unit === undefined) {
    if (amount !== undefined)
      return { field: '/amount', code: 'validation', reason: `${action.code} takes no amount: it is worth ${action.points} points` };
    return action.points as number;
  }
  if (amount === undefined) return { field: '/amount', code: 'validation', reason: `${action.code} needs an amount in ${unit}` };
  if (amount.unit !== unit) return { field: '/amount/unit', code: 'validation', reason: `${action.code} is counted in ${unit}, not ${amount.unit}` };
  const value = new Decimal(amount.value);
  if (value.isNegative()) return { field: '/amount/value', code: 'validation', reason: 'an amount cannot be negative' };
  if (action.minAmount !== undefined && value.lt(action.minAmount)) {
    return { field: '/amount/value', code: 'award-refused', reason: `${amount.value} ${unit} is below the minimum of ${action.minAmount} ${unit}` };
  }
  if (action.points !== undefined) return action.points;
  const per = action.perUnit as NonNullable<PointsAction['perUnit']>;
  const points = value.mul(per.points).floor().toNumber();
  if (points < 1) return { field: '/amount/value', code: 'award-refused', reason: `${amount.value} ${per.unit} is worth less than one point` };
  return points;
}

export function dedupKeyFor(
  action: PointsAction,
  values: { holder: string; date: string; reference?: string | undefined },
): string | AwardRefusal | null {
  if (!action.dedupKey) return null;
  if (action.dedupKey.includes('{reference}') && !values.reference) {
    return { field: '/reference', code: 'validation', reason: `${action.code} counts once per reference: send the reference (e.g. the bill number)` };
  }
  const fill: Record<string, string> = {
    holder: values.holder,
    action: action.code,
    date: values.date,
    month: values.date.slice(0, 7),
    year: values.date.slice(0, 4),
    reference: values.reference ?? '',
  };
  return `${action.code}|${action.dedupKey.replace(/\{([a-z]+)\}/g, (_, name: string) => fill[name] ?? '')}`;
}

/** The last day the points can be spent. */
export function expiresOn(action: PointsAction, earnedOn: string): string {
  if ('endOfYearAfter' in action.expiry) return `${Number(earnedOn.slice(0, 4)) + 1}-12-31`;
  return addDays(earnedOn, action.expiry.days);
}

export const availableOn = (action: PointsAction, earnedOn: string): string => addDays(earnedOn, action.delayDays);

export function isRefusal(x: unknown): x is AwardRefusal {
  return typeof x === 'object' && x !== null && 'reason' in x;
}
