/**
 * The weighted split as it was written in decimal.js (40 significant digits), kept as the oracle the
 * exact integer split (src/rules/kinds/allocation/split.ts) must agree with to the byte on every text.
 * Straightforward on purpose: one decimal.js object per step of every recipient.
 */

import type { AllocationBody } from '../../src/rules/kinds/allocation/body.js';
import type { CompiledAllocation } from '../../src/rules/kinds/allocation/compile.js';
import { AllocationError, type AllocationInput, type RecipientResult, requireFund } from '../../src/rules/kinds/allocation/model.js';
import { D, type Dec, largestRemainder, stepOf } from '../../src/rules/kinds/allocation/rounding.js';
import { recipientValues, withDerived } from '../../src/rules/kinds/allocation/values.js';

export function referenceSplit(compiled: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const body = compiled.body;
  const spec = body.split as NonNullable<AllocationBody['split']>;
  const value = (v: string | { param: string }): Dec => new D(typeof v === 'string' ? v : (parameters[v.param] as string));
  const step = stepOf(compiled.step);
  const fund = requireFund(input, step, compiled.stepText);
  if (input.recipients.length === 0) throw new AllocationError('/recipients', 'no recipients');
  const values = recipientValues(body, input.recipients).map((v, i) => withDerived(compiled, v, parameters, i));
  const n = input.recipients.length;

  const shares: Array<Record<string, string>> = input.recipients.map(() => ({}));
  const score = input.recipients.map(() => new D(0));
  spec.factors.forEach((f, k) => {
    const total = values.reduce((s, v) => s.plus(v.get(f.input) ?? 0), new D(0));
    if (total.isZero()) throw new AllocationError(`/split/factors/${k}`, `factor '${f.input}' is zero for every recipient: it cannot be normalised`);
    values.forEach((v, i) => {
      const share = (v.get(f.input) ?? new D(0)).div(total);
      (shares[i] as Record<string, string>)[f.input] = share.toSignificantDigits(12).toString();
      score[i] = (score[i] as Dec).plus(share.mul(f.weight));
    });
  });
  const raw = score.map((s) => fund.mul(s));
  const after = raw.map((r) => r);
  const components: RecipientResult['components'][] = input.recipients.map((_, i) => [
    { name: 'weighted-share', before: (raw[i] as Dec).toFixed(2), after: (raw[i] as Dec).toFixed(2) },
  ]);

  // Deductions, redirected to named recipients.
  const index = new Map(input.recipients.map((r, i) => [r.id, i]));
  for (const [d, rule] of spec.deductions.entries()) {
    const targets = rule.redirectTo.map((t, j) => {
      const i = index.get(t.recipient);
      if (i === undefined)
        throw new AllocationError(
          `/split/deductions/${d}/redirectTo/${j}/recipient`,
          `deduction '${rule.name}' redirects to '${t.recipient}', who is not a recipient`,
        );
      return { i, ratio: new D(t.ratio) };
    });
    const ratioSum = targets.reduce((s, t) => s.plus(t.ratio), new D(0));
    values.forEach((v, i) => {
      const x = v.get(rule.input);
      if (x === undefined || !x.lt(rule.below)) return;
      const cut = (after[i] as Dec).mul(rule.share);
      const before = after[i] as Dec;
      after[i] = before.minus(cut);
      (components[i] as RecipientResult['components']).push({
        name: rule.name,
        before: before.toFixed(2),
        after: (after[i] as Dec).toFixed(2),
        note: `${rule.input} ${x} < ${rule.below}: ${rule.share} redirected`,
      });
      for (const t of targets) {
        const gain = cut.mul(t.ratio).div(ratioSum);
        const prev = after[t.i] as Dec;
        after[t.i] = prev.plus(gain);
        (components[t.i] as RecipientResult['components']).push({
          name: `${rule.name}:received`,
          before: prev.toFixed(2),
          after: (after[t.i] as Dec).toFixed(2),
          note: `from ${input.recipients[i]?.id}`,
        });
      }
    });
  }

  const floors = values.map((v) => {
    let f = spec.floor?.amount !== undefined ? value(spec.floor.amount) : new D(0);
    const hh = spec.floor?.holdHarmless;
    if (hh) {
      const last = v.get(hh.input);
      if (last !== undefined) f = D.max(f, last.mul(hh.ratio));
    }
    return f;
  });
  const topUp = spec.floor?.topUpFrom;
  const capAmount = spec.cap?.amount !== undefined ? value(spec.cap.amount) : null;
  const capShare = spec.cap?.share !== undefined ? fund.mul(spec.cap.share) : null;
  const cap = capAmount && capShare ? D.min(capAmount, capShare) : (capAmount ?? capShare);
  const floorSum = floors.reduce((s, f) => s.plus(f), new D(0));
  if (!topUp && floorSum.gt(fund))
    throw new AllocationError('/split/floor', `the floors add up to ${floorSum.toFixed(2)}, more than the fund ${fund.toFixed(2)}`);
  if (cap?.mul(n).lt(fund))
    throw new AllocationError('/split/cap', `${n} recipients capped at ${cap.toFixed(2)} cannot take a fund of ${fund.toFixed(2)}`);
  // Floors paid out of the fund (and caps): constrained recipients are fixed, the rest share what is left in proportion.
  const constrained: Array<'floor' | 'cap' | null> = input.recipients.map(() => null);
  const fixed: Array<Dec | null> = input.recipients.map(() => null);
  for (let round = 0; round <= n; round++) {
    const free = [...after.keys()].filter((i) => fixed[i] === null);
    const left = fund.minus(fixed.reduce<Dec>((s, f) => (f ? s.plus(f) : s), new D(0)));
    const weight = free.reduce((s, i) => s.plus(after[i] as Dec), new D(0));
    const share = (i: number) => (weight.isZero() ? left.div(free.length) : left.mul(after[i] as Dec).div(weight));
    let changed = false;
    for (const i of free) {
      const proposed = share(i);
      if (!topUp && proposed.lt(floors[i] as Dec)) {
        fixed[i] = floors[i] as Dec;
        constrained[i] = 'floor';
        changed = true;
      } else if (cap && proposed.gt(cap)) {
        fixed[i] = cap;
        constrained[i] = 'cap';
        changed = true;
      }
    }
    if (!changed) {
      for (const i of free) fixed[i] = share(i);
      break;
    }
  }
  const exact = fixed.map((f) => f as Dec);
  exact.forEach((e, i) => {
    const c = constrained[i];
    (components[i] as RecipientResult['components']).push({
      name: c ? c : 'rebalance',
      before: (after[i] as Dec).toFixed(2),
      after: e.toFixed(2),
      ...(c ? { note: c === 'floor' ? `raised to the floor ${e.toFixed(2)}` : `cut to the cap ${e.toFixed(2)}` } : {}),
    });
  });
  const rounded = largestRemainder(
    exact.map((e, i) => ({ id: input.recipients[i]?.id as string, value: e })),
    fund,
    step,
  );

  // Floors topped up from the named fund: the rest of the recipients keep what the fund gave them.
  const topUps = input.recipients.map((r, i) => {
    if (!topUp) return new D(0);
    const part = rounded.get(r.id) as Dec;
    const floor = floors[i] as Dec;
    if (!part.lt(floor)) return new D(0);
    const need = floor.minus(part).div(step).ceil().mul(step);
    constrained[i] = 'floor';
    (components[i] as RecipientResult['components']).push({
      name: `floor:${topUp.source}`,
      before: part.toFixed(2),
      after: part.plus(need).toFixed(2),
      note: `topped up to the floor ${floor.toFixed(2)} from ${topUp.title} (${topUp.source})`,
    });
    return need;
  });
  const topUpTotal = topUps.reduce((s, t) => s.plus(t), new D(0));
  let sources: Array<{ source: string; title: string; available: string; paid: string }> | undefined;
  if (topUp) {
    const raw = input.sources?.[topUp.source];
    const who = input.recipients.filter((_, i) => (topUps[i] as Dec).gt(0)).map((r) => r.id);
    if (raw === undefined) {
      throw new AllocationError(
        `/sources/${topUp.source}`,
        `floors are topped up from ${topUp.title} (${topUp.source}): give what it holds${who.length ? ` (${who.join(', ')} need ${topUpTotal.toFixed(2)})` : ''}`,
      );
    }
    const available = new D(raw);
    if (topUpTotal.gt(available)) {
      throw new AllocationError(
        `/sources/${topUp.source}`,
        `${topUp.title} holds ${available.toFixed(2)}; topping ${who.join(', ')} up to the floor needs ${topUpTotal.toFixed(2)}`,
      );
    }
    sources = [
      { source: 'fund', title: '本级补偿资金', available: fund.toFixed(2), paid: fund.toFixed(2) },
      { source: topUp.source, title: topUp.title, available: available.toFixed(2), paid: topUpTotal.toFixed(2) },
    ];
  }
  const weights = Object.fromEntries(spec.factors.map((f) => [f.input, new D(f.weight).toString()]));
  const recipients: RecipientResult[] = input.recipients.map((r, i) => {
    const part = rounded.get(r.id) as Dec;
    const extra = topUps[i] as Dec;
    return {
      id: r.id,
      name: r.name ?? null,
      inputs: Object.fromEntries([...(values[i] as Map<string, Dec>)].map(([k, v]) => [k, v.toString()])),
      shares: shares[i] as Record<string, string>,
      weights,
      components: components[i] as RecipientResult['components'],
      constrained: constrained[i] ?? null,
      exact: (exact[i] as Dec).plus(extra).toSignificantDigits(20).toString(),
      amount: part.plus(extra).toFixed(2),
      ...(topUp ? { sources: { fund: part.toFixed(2), [topUp.source]: extra.toFixed(2) } } : {}),
    };
  });
  return { fund: fund.toFixed(2), total: fund.plus(topUpTotal).toFixed(2), recipients, ...(sources ? { sources } : {}) };
}
