/**
 * A scorecard read straight from its body, in decimal.js, kept as the oracle the compiled item table
 * (src/rules/kinds/scorecard/compile.ts) must agree with on every score, grade and trace entry.
 * Straightforward on purpose: each item's condition is tested operator by operator on the record.
 * Items with formulas are left to the engine's own tests.
 */

import Decimal from 'decimal.js';
import type { Comparison } from '../../src/rules/kinds/common.js';
import type { ScorecardBody } from '../../src/rules/kinds/scorecard/body.js';

type Value = number | boolean;

function holds(when: Comparison | undefined, v: Value): boolean {
  if (!when) return typeof v === 'number' ? v > 0 : v === true;
  if (when.eq !== undefined && v !== when.eq) return false;
  if (when.ne !== undefined && v === when.ne) return false;
  if (when.gt !== undefined && !((v as number) > when.gt)) return false;
  if (when.gte !== undefined && !((v as number) >= when.gte)) return false;
  if (when.lt !== undefined && !((v as number) < when.lt)) return false;
  if (when.lte !== undefined && !((v as number) <= when.lte)) return false;
  // Widened: includes() takes only the list's own element type, and a value of any type may be looked for.
  if (when.in !== undefined && !(when.in as readonly unknown[]).includes(v)) return false;
  return true;
}

const hundredths = (x: Decimal) => x.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

export function referenceScorecard(body: ScorecardBody, facts: Readonly<Record<string, Value>>) {
  const trace: Array<Record<string, unknown>> = [];
  let total = hundredths(new Decimal(body.baseScore));
  for (const item of body.items) {
    const fact = item.fact as string;
    const v = facts[fact] as Value;
    if (!holds(item.when, v)) continue;
    const uncapped =
      item.points !== undefined ? hundredths(new Decimal(item.points)) : hundredths(new Decimal(v as number).times(item.perUnit as number));
    if (uncapped === 0) continue;
    let points = uncapped;
    if (item.cap?.min !== undefined) points = Math.max(points, hundredths(new Decimal(item.cap.min)));
    if (item.cap?.max !== undefined) points = Math.min(points, hundredths(new Decimal(item.cap.max)));
    total += points;
    trace.push({
      kind: 'item',
      id: item.id,
      reason: item.reason,
      inputs: { [fact]: v },
      points: points / 100,
      ...(points !== uncapped ? { uncapped: uncapped / 100 } : {}),
    });
  }
  if (body.minScore !== undefined) total = Math.max(total, hundredths(new Decimal(body.minScore)));
  if (body.maxScore !== undefined) total = Math.min(total, hundredths(new Decimal(body.maxScore)));
  const scoreBand = body.bands.findIndex((b) => b.min === undefined || total >= hundredths(new Decimal(b.min)));
  const last = body.bands.length - 1;
  let band = scoreBand;
  for (const o of body.overrides) {
    const v = facts[o.fact] as Value;
    if (!holds(o.when, v)) continue;
    const target = o.effect === 'lowest' ? last : Math.min(last, scoreBand + o.effect.lowerBy);
    band = Math.max(band, target);
    trace.push({ kind: 'override', id: o.id, reason: o.reason, inputs: { [o.fact]: v }, grade: body.bands[target]?.grade });
  }
  return { score: total / 100, grade: body.bands[band]?.grade, scoreGrade: body.bands[scoreBand]?.grade, trace };
}
