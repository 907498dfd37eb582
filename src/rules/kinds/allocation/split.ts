/**
 * A fund divided by weighted, normalised factors; deductions redirected to named recipients; floors
 * (fixed, or hold-harmless against last year) and caps, with what they free or need taken from or given
 * to the unconstrained recipients in proportion, or, where the file says so, floors topped up from a
 * named extra fund; amounts at the rounding unit by largest remainder.
 *
 * Exact and in integers (scaled.ts): every recipient's amount before the floors is one BigInt numerator
 * over a denominator all recipients share, so a share is a multiplication, a comparison with a floor is
 * a cross-multiplication, and the only divisions are the ones that write a text.
 */

import type { AllocationBody } from './body.js';
import type { CompiledAllocation } from './compile.js';
import { AllocationError, type AllocationInput, type RecipientResult, requireFund } from './model.js';
import { D, stepOf } from './rounding.js';
import { at, compareScaled, fenText, floorDiv, mulScaled, parseScaled, pow10, type Scaled, significantText, yuanText } from './scaled.js';
import { columnOf, splitValues } from './split-values.js';

type Components = RecipientResult['components'];

const scaledOf = (text: string): Scaled => parseScaled(text) as Scaled;
const ZERO: Scaled = { n: 0n, scale: 0 };

export function split(compiled: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const body = compiled.body;
  const spec = body.split as NonNullable<AllocationBody['split']>;
  const value = (v: string | { param: string }): Scaled => scaledOf(typeof v === 'string' ? v : (parameters[v.param] as string));
  const step = stepOf(compiled.step);
  const fundDec = requireFund(input, step, compiled.stepText);
  if (input.recipients.length === 0) throw new AllocationError('/recipients', 'no recipients');
  // The fund and the rounding step in fen: requireFund has checked the fund is whole steps.
  const fundFen = BigInt(fundDec.mul(100).toFixed(0));
  const stepFen = BigInt(step.mul(100).toFixed(0));
  const values = splitValues(compiled, input.recipients, parameters);
  const recipients = input.recipients;
  const n = recipients.length;
  const column = (name: string): ReadonlyArray<Scaled | undefined> => columnOf(values, name, n);

  // Weighted shares: factor k gives x_ik / S_k, weighted by w_k = W_k / 10^a_k. Over the common
  // denominator Q = Π_k 10^a_k |S_k| the score of recipient i is the integer Σ_k W_k x_ik (Q / 10^a_k S_k).
  const shares: Array<Record<string, string>> = recipients.map(() => ({}));
  const factors = spec.factors.map((f, k) => {
    const xs = column(f.input).map((x) => x ?? ZERO);
    const scale = xs.reduce((s, x) => Math.max(s, x.scale), 0);
    const ints = xs.map((x) => at(x, scale));
    const total = ints.reduce((s, x) => s + x, 0n);
    if (total === 0n) throw new AllocationError(`/split/factors/${k}`, `factor '${f.input}' is zero for every recipient: it cannot be normalised`);
    // A positive denominator keeps every comparison below the right way round.
    const [signed, positive] = total < 0n ? [ints.map((x) => -x), -total] : [ints, total];
    signed.forEach((x, i) => {
      (shares[i] as Record<string, string>)[f.input] = significantText(x, positive, 12);
    });
    const w = scaledOf(f.weight);
    return { xs: signed, weight: w.n, denominator: positive * pow10(w.scale) };
  });
  const q = factors.reduce((s, f) => s * f.denominator, 1n);
  // W_k × Q / (10^a_k S_k), once per factor: then each term of a score is one multiplication.
  const coefficients = factors.map((f) => f.weight * (q / f.denominator));
  // after[i] / den is recipient i's amount in yuan: fund × score, then deductions.
  const after: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let score = 0n;
    for (let k = 0; k < factors.length; k++) score += (coefficients[k] as bigint) * ((factors[k] as { xs: bigint[] }).xs[i] as bigint);
    after[i] = fundFen * score;
  }
  let den = 100n * q;
  const afterText = after.map((a) => yuanText(a, den));
  const components: Components[] = afterText.map((t) => [{ name: 'weighted-share', before: t, after: t }]);

  // Deductions, redirected to named recipients. A division that is not exact over the shared
  // denominator makes the denominator finer first (every numerator times the divisor): rare, and only here.
  const quotient = (x: bigint, by: bigint): bigint => {
    if (x % by === 0n) return x / by;
    for (let i = 0; i < n; i++) after[i] = (after[i] as bigint) * by;
    den *= by;
    return x;
  };
  // Only deductions look recipients up by id: no map of 10 000 ids for a split without them.
  const index = spec.deductions.length > 0 ? new Map(recipients.map((r, i) => [r.id, i])) : new Map<string, number>();
  for (const [d, rule] of spec.deductions.entries()) {
    const targets = rule.redirectTo.map((t, j) => {
      const i = index.get(t.recipient);
      if (i === undefined)
        throw new AllocationError(
          `/split/deductions/${d}/redirectTo/${j}/recipient`,
          `deduction '${rule.name}' redirects to '${t.recipient}', who is not a recipient`,
        );
      return { i, ratio: scaledOf(t.ratio) };
    });
    const ratioScale = targets.reduce((s, t) => Math.max(s, t.ratio.scale), 0);
    const ratios = targets.map((t) => at(t.ratio, ratioScale));
    const ratioSum = ratios.reduce((s, r) => s + r, 0n);
    const share = scaledOf(rule.share);
    const below = scaledOf(rule.below);
    const xs = column(rule.input);
    xs.forEach((x, i) => {
      if (x === undefined || compareScaled(x, below) >= 0) return;
      let cut = quotient((after[i] as bigint) * share.n, pow10(share.scale));
      after[i] = (after[i] as bigint) - cut;
      const before = afterText[i] as string;
      afterText[i] = yuanText(after[i] as bigint, den);
      (components[i] as Components).push({
        name: rule.name,
        before,
        after: afterText[i],
        note: `${rule.input} ${values.texts[i]?.[rule.input]} < ${rule.below}: ${rule.share} redirected`,
      });
      targets.forEach((t, j) => {
        const was = den;
        const gain = quotient(cut * (ratios[j] as bigint), ratioSum);
        if (den !== was) cut *= den / was;
        after[t.i] = (after[t.i] as bigint) + gain;
        const prev = afterText[t.i] as string;
        const now = yuanText(after[t.i] as bigint, den);
        afterText[t.i] = now;
        (components[t.i] as Components).push({ name: `${rule.name}:received`, before: prev, after: now, note: `from ${recipients[i]?.id}` });
      });
    });
  }

  // Floors, caps and the fund at one decimal scale: the largest any of them is written with, at least the fen.
  const hh = spec.floor?.holdHarmless;
  const floorAmount = spec.floor?.amount !== undefined ? value(spec.floor.amount) : ZERO;
  const hhRatio = hh ? scaledOf(hh.ratio) : null;
  const lastYear = hh ? column(hh.input) : null;
  const floorsScaled = recipients.map((_, i) => {
    const last = lastYear?.[i];
    if (last === undefined || !hhRatio) return floorAmount;
    const held = mulScaled(last, hhRatio);
    return compareScaled(held, floorAmount) > 0 ? held : floorAmount;
  });
  const capAmount = spec.cap?.amount !== undefined ? value(spec.cap.amount) : null;
  const capShare = spec.cap?.share !== undefined ? mulScaled({ n: fundFen, scale: 2 }, scaledOf(spec.cap.share)) : null;
  const capScaled = capAmount && capShare ? (compareScaled(capAmount, capShare) <= 0 ? capAmount : capShare) : (capAmount ?? capShare);
  const scale = Math.max(2, capScaled?.scale ?? 0, ...floorsScaled.map((f) => f.scale));
  const unit = pow10(scale);
  const fund = at({ n: fundFen, scale: 2 }, scale);
  const floors = floorsScaled.map((f) => at(f, scale));
  const cap = capScaled ? at(capScaled, scale) : null;
  const topUp = spec.floor?.topUpFrom;
  const floorSum = floors.reduce((s, f) => s + f, 0n);
  if (!topUp && floorSum > fund)
    throw new AllocationError('/split/floor', `the floors add up to ${yuanText(floorSum, unit)}, more than the fund ${fenText(fundFen)}`);
  if (cap !== null && cap * BigInt(n) < fund)
    throw new AllocationError('/split/cap', `${n} recipients capped at ${yuanText(cap, unit)} cannot take a fund of ${fenText(fundFen)}`);

  // Floors paid out of the fund (and caps): constrained recipients are fixed, the rest share what is
  // left in proportion. A free recipient's share is left × after_i / Σ after (the shared denominator
  // cancels), i.e. the numerator left × after_i over (unit × Σ after); compared with a floor or cap
  // (over unit) by cross-multiplying.
  const constrained: Array<'floor' | 'cap' | null> = recipients.map(() => null);
  const fixed: Array<bigint | null> = recipients.map(() => null);
  let shareNum: (i: number) => bigint = () => 0n;
  let shareDen = 1n;
  for (let round = 0; round <= n; round++) {
    const free: number[] = [];
    let left = fund;
    let weight = 0n;
    for (let i = 0; i < n; i++) {
      const f = fixed[i];
      if (f === null || f === undefined) {
        free.push(i);
        weight += after[i] as bigint;
      } else left -= f;
    }
    const l = left;
    if (weight === 0n) {
      shareNum = () => l;
      shareDen = BigInt(free.length || 1);
    } else if (weight > 0n) {
      shareNum = (i) => l * (after[i] as bigint);
      shareDen = weight;
    } else {
      shareNum = (i) => -l * (after[i] as bigint);
      shareDen = -weight;
    }
    let changed = false;
    const capLimit = cap === null ? null : cap * shareDen;
    for (const i of free) {
      const proposed = shareNum(i);
      if (!topUp && proposed < (floors[i] as bigint) * shareDen) {
        fixed[i] = floors[i] as bigint;
        constrained[i] = 'floor';
        changed = true;
      } else if (capLimit !== null && proposed > capLimit) {
        fixed[i] = cap;
        constrained[i] = 'cap';
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Every exact amount as a numerator over unit × shareDen.
  const exactDen = unit * shareDen;
  const exact = recipients.map((_, i) => {
    const f = fixed[i];
    return f === null || f === undefined ? shareNum(i) : f * shareDen;
  });
  // Fields assigned rather than spread in: an object spread per recipient is a slow path, 10 000 times.
  for (let i = 0; i < n; i++) {
    const c = constrained[i];
    const text = yuanText(exact[i] as bigint, exactDen);
    const step: Components[number] = { name: c ? c : 'rebalance', before: afterText[i] as string, after: text };
    if (c) step.note = c === 'floor' ? `raised to the floor ${text}` : `cut to the cap ${text}`;
    (components[i] as Components).push(step);
  }
  const units = largestRemainderUnits(
    exact,
    (exactDen * stepFen) / 100n,
    fundFen / stepFen,
    recipients.map((r) => r.id),
  );

  // Floors topped up from the named fund: the rest of the recipients keep what the fund gave them.
  const stepScaled = at({ n: stepFen, scale: 2 }, scale);
  const topUps = recipients.map((_, i) => {
    if (!topUp) return 0n;
    const part = (units[i] as bigint) * stepFen;
    const floor = floors[i] as bigint;
    const partScaled = at({ n: part, scale: 2 }, scale);
    if (partScaled >= floor) return 0n;
    const steps = -floorDiv(partScaled - floor, stepScaled);
    const need = steps * stepFen;
    constrained[i] = 'floor';
    (components[i] as Components).push({
      name: `floor:${topUp.source}`,
      before: fenText(part),
      after: fenText(part + need),
      note: `topped up to the floor ${yuanText(floor, unit)} from ${topUp.title} (${topUp.source})`,
    });
    return need;
  });
  const topUpTotal = topUps.reduce((s, t) => s + t, 0n);
  let sources: Array<{ source: string; title: string; available: string; paid: string }> | undefined;
  if (topUp) {
    const raw = input.sources?.[topUp.source];
    const who = recipients.filter((_, i) => (topUps[i] as bigint) > 0n).map((r) => r.id);
    if (raw === undefined) {
      throw new AllocationError(
        `/sources/${topUp.source}`,
        `floors are topped up from ${topUp.title} (${topUp.source}): give what it holds${who.length ? ` (${who.join(', ')} need ${fenText(topUpTotal)})` : ''}`,
      );
    }
    const available = new D(raw);
    if (new D(fenText(topUpTotal)).gt(available)) {
      throw new AllocationError(
        `/sources/${topUp.source}`,
        `${topUp.title} holds ${available.toFixed(2)}; topping ${who.join(', ')} up to the floor needs ${fenText(topUpTotal)}`,
      );
    }
    sources = [
      { source: 'fund', title: '本级补偿资金', available: fenText(fundFen), paid: fenText(fundFen) },
      { source: topUp.source, title: topUp.title, available: available.toFixed(2), paid: fenText(topUpTotal) },
    ];
  }
  const weights = Object.fromEntries(spec.factors.map((f) => [f.input, new D(f.weight).toString()]));
  const results: RecipientResult[] = recipients.map((r, i) => {
    const part = (units[i] as bigint) * stepFen;
    const extra = topUps[i] as bigint;
    const result: RecipientResult = {
      id: r.id,
      name: r.name ?? null,
      inputs: values.texts[i] as Record<string, string>,
      shares: shares[i] as Record<string, string>,
      weights,
      components: components[i] as Components,
      constrained: constrained[i] ?? null,
      exact: significantText((exact[i] as bigint) + (extra * exactDen) / 100n, exactDen, 20),
      amount: fenText(part + extra),
    };
    if (topUp) result.sources = { fund: fenText(part), [topUp.source]: fenText(extra) };
    return result;
  });
  return { fund: fenText(fundFen), total: fenText(fundFen + topUpTotal), recipients: results, ...(sources ? { sources } : {}) };
}

/**
 * Largest remainder on numerators over one denominator: each amount floored to whole steps (`step`
 * on the same denominator), then one more step each, while steps are left of the fund's `total`, to the
 * largest remainders, equal remainders by id ascending (rounding.ts's TIE_BREAK). Gives each recipient's
 * count of steps.
 */
function largestRemainderUnits(numerators: readonly bigint[], step: bigint, total: bigint, ids: readonly string[]): bigint[] {
  const units = numerators.map((v) => floorDiv(v, step));
  const remainders = numerators.map((v, i) => v - (units[i] as bigint) * step);
  let left = total - units.reduce((s, u) => s + u, 0n);
  const order = numerators.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a] as bigint;
    const rb = remainders[b] as bigint;
    if (ra !== rb) return rb > ra ? 1 : -1;
    const ia = ids[a] as string;
    const ib = ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  for (const i of order) {
    if (left <= 0n) break;
    units[i] = (units[i] as bigint) + 1n;
    left -= 1n;
  }
  return units;
}
