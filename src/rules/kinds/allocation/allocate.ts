/**
 * Ecological compensation allocations, computed exactly (decimal.js) and explained per recipient.
 * Pure: rule set and inputs in, result out. Four schemes:
 * - split: a fund divided by weighted, normalised factors; deductions redirected to named recipients;
 *   floors (fixed, or hold-harmless against last year) and caps, with what they free or need taken
 *   from or given to the unconstrained recipients in proportion; amounts to the fen by largest remainder;
 * - bilateral: an upstream/downstream agreement on an index; the direction of payment by a threshold
 *   whose boundary is stated; the amount from fixed, linear, tiered and stepped components;
 * - pool: fixed contribution and receipt ratios among parties, and the net flow of each;
 * - payroll: a yearly standard per person, pro rata by months, part fixed and part by assessment.
 */
import Decimal from 'decimal.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact, Fraction, roundTo, toDecimal, toFixed } from '../../formula/exact.js';
import { FormulaRuntimeError, type FormulaValue } from '../../formula/formula.js';
import type { AllocationBody, Component } from './body.js';
import type { CompiledAllocation } from './compile.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;
const FEN = new D('0.01');

export interface RecipientInput {
  id: string;
  name?: string | undefined;
  values: Record<string, string>;
}

export interface AllocationInput {
  period: string;
  fund?: string | undefined;
  recipients: RecipientInput[];
  /** Agreement-level inputs (bilateral): concentrations, volumes, standards. */
  values?: Record<string, string> | undefined;
  /** Negotiated parameters, each within its declared range. */
  parameters?: Record<string, string> | undefined;
}

export class AllocationError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RecipientResult {
  id: string;
  name: string | null;
  inputs: Record<string, string>;
  shares: Record<string, string>;
  weights: Record<string, string>;
  components: Array<{ name: string; before: string; after: string; note?: string }>;
  constrained: 'floor' | 'cap' | null;
  exact: string;
  amount: string;
}

export interface AllocationResult {
  scheme: AllocationBody['scheme'];
  period: string;
  fund: string | null;
  total: string;
  parameters: Record<string, string>;
  rounding: { unit: '0.01'; method: 'largest-remainder'; tieBreak: string };
  recipients: RecipientResult[];
  index?: { value: string; formula: string; direction: string; threshold: string; comparison: 'below' | 'at' | 'above' };
  /** The agreement's derived lines, each with its value in its own unit. */
  derived?: Array<{ name: string; value: string; unit: string; formula: string }>;
  flows?: Array<{ payer: string; payee: string; amount: string }>;
  net?: Array<{ party: string; contributes: string; receives: string; net: string }>;
  ruleSet: RuleSetRef;
}

const TIE_BREAK = 'larger remainder first; equal remainders by recipient id, ascending';

/** Amounts to the fen that sum exactly to `total`: floor each, then one fen each to the largest remainders. */
export function largestRemainder(exact: ReadonlyArray<{ id: string; value: Dec }>, total: Dec): Map<string, Dec> {
  const floored = exact.map((e) => ({ id: e.id, base: e.value.div(FEN).floor().mul(FEN), rem: e.value.minus(e.value.div(FEN).floor().mul(FEN)) }));
  let left = total
    .minus(floored.reduce((s, f) => s.plus(f.base), new D(0)))
    .div(FEN)
    .round()
    .toNumber();
  const order = [...floored].sort((a, b) => {
    const c = b.rem.comparedTo(a.rem);
    return c !== 0 ? c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const out = new Map(floored.map((f) => [f.id, f.base]));
  for (const f of order) {
    if (left <= 0) break;
    out.set(f.id, (out.get(f.id) as Dec).plus(FEN));
    left--;
  }
  return out;
}

export function allocate(compiled: CompiledAllocation, input: AllocationInput): AllocationResult {
  const { body, ruleSet } = compiled;
  const parameters = resolveParameters(body, input.parameters ?? {});
  const value = (v: string | { param: string }): Dec => new D(typeof v === 'string' ? v : (parameters[v.param] as string));
  const base = {
    period: input.period,
    parameters,
    rounding: { unit: '0.01' as const, method: 'largest-remainder' as const, tieBreak: TIE_BREAK },
    ruleSet,
  };
  switch (body.scheme) {
    case 'split':
      return { scheme: 'split', ...base, ...split(compiled, input, value) };
    case 'bilateral':
      return { scheme: 'bilateral', ...base, ...bilateral(compiled, input, parameters, value) };
    case 'pool':
      return { scheme: 'pool', ...base, ...pool(body, input) };
    case 'payroll':
      return { scheme: 'payroll', ...base, ...payroll(compiled, input, value) };
  }
}

function resolveParameters(body: AllocationBody, overrides: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(overrides)) {
    if (!(name in body.parameters)) throw new AllocationError(`/parameters/${name}`, `the rule set has no parameter '${name}'`);
  }
  for (const [name, p] of Object.entries(body.parameters)) {
    const v = overrides[name] ?? p.value;
    const d = new D(v);
    if ((p.min !== undefined && d.lt(p.min)) || (p.max !== undefined && d.gt(p.max))) {
      throw new AllocationError(`/parameters/${name}`, `parameter '${name}' = ${v} is outside its agreed range [${p.min ?? '-∞'}, ${p.max ?? '∞'}]`);
    }
    out[name] = d.toString();
  }
  return out;
}

/** Every declared input of every recipient: present, a number, in range; per-member inputs × members. */
function recipientValues(body: AllocationBody, recipients: readonly RecipientInput[]): Array<Map<string, Dec>> {
  const ids = new Set<string>();
  return recipients.map((r, i) => {
    if (ids.has(r.id)) throw new AllocationError(`/recipients/${i}/id`, `recipient '${r.id}' is listed twice`);
    ids.add(r.id);
    const out = new Map<string, Dec>();
    for (const [name, decl] of Object.entries(body.inputs)) {
      const raw = r.values[name];
      const at = `/recipients/${i}/values/${name}`;
      if (raw === undefined) {
        if (decl.optional) continue;
        throw new AllocationError(at, `recipient '${r.id}' has no value for '${name}'`);
      }
      let d: Dec;
      try {
        d = new D(raw);
      } catch {
        throw new AllocationError(at, `recipient '${r.id}': '${name}' = '${raw}' is not a number`);
      }
      if ((decl.min !== undefined && d.lt(decl.min)) || (decl.max !== undefined && d.gt(decl.max))) {
        throw new AllocationError(at, `recipient '${r.id}': '${name}' = ${raw} is outside [${decl.min ?? '-∞'}, ${decl.max ?? '∞'}]`);
      }
      if (decl.perMember) {
        const members = r.values.members;
        if (members === undefined)
          throw new AllocationError(`/recipients/${i}/values/members`, `recipient '${r.id}': '${name}' is per member, so 'members' is needed`);
        d = d.mul(members);
      }
      out.set(name, d);
    }
    return out;
  });
}

function requireFund(input: AllocationInput): Dec {
  if (input.fund === undefined) throw new AllocationError('/fund', 'this scheme divides a fund: give the fund');
  const fund = new D(input.fund);
  if (!fund.gt(0)) throw new AllocationError('/fund', `the fund must be more than zero, not ${input.fund}`);
  if (!fund.mul(100).isInteger()) throw new AllocationError('/fund', 'the fund is in yuan to the fen (at most two decimals)');
  return fund;
}

function split(compiled: CompiledAllocation, input: AllocationInput, value: (v: string | { param: string }) => Dec) {
  const body = compiled.body;
  const spec = body.split as NonNullable<AllocationBody['split']>;
  const fund = requireFund(input);
  if (input.recipients.length === 0) throw new AllocationError('/recipients', 'no recipients');
  const values = recipientValues(body, input.recipients).map((v, i) => withDerived(compiled, v, i));
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

  // Floors and caps: constrained recipients are fixed, the rest share what is left in proportion.
  const floors = values.map((v) => {
    let f = spec.floor?.amount !== undefined ? value(spec.floor.amount) : new D(0);
    const hh = spec.floor?.holdHarmless;
    if (hh) {
      const last = v.get(hh.input);
      if (last !== undefined) f = D.max(f, last.mul(hh.ratio));
    }
    return f;
  });
  const capAmount = spec.cap?.amount !== undefined ? value(spec.cap.amount) : null;
  const capShare = spec.cap?.share !== undefined ? fund.mul(spec.cap.share) : null;
  const cap = capAmount && capShare ? D.min(capAmount, capShare) : (capAmount ?? capShare);
  const floorSum = floors.reduce((s, f) => s.plus(f), new D(0));
  if (floorSum.gt(fund))
    throw new AllocationError('/split/floor', `the floors add up to ${floorSum.toFixed(2)}, more than the fund ${fund.toFixed(2)}`);
  if (cap?.mul(n).lt(fund))
    throw new AllocationError('/split/cap', `${n} recipients capped at ${cap.toFixed(2)} cannot take a fund of ${fund.toFixed(2)}`);
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
      if (proposed.lt(floors[i] as Dec)) {
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
  );
  const weights = Object.fromEntries(spec.factors.map((f) => [f.input, new D(f.weight).toString()]));
  const recipients: RecipientResult[] = input.recipients.map((r, i) => ({
    id: r.id,
    name: r.name ?? null,
    inputs: Object.fromEntries([...(values[i] as Map<string, Dec>)].map(([k, v]) => [k, v.toString()])),
    shares: shares[i] as Record<string, string>,
    weights,
    components: components[i] as RecipientResult['components'],
    constrained: constrained[i] ?? null,
    exact: (exact[i] as Dec).toSignificantDigits(20).toString(),
    amount: (rounded.get(r.id) as Dec).toFixed(2),
  }));
  return { fund: fund.toFixed(2), total: fund.toFixed(2), recipients };
}

const F0 = new Fraction(0);
const fraction = (d: string | Dec) => exact(typeof d === 'string' ? d : d.toString());

function componentAmount(
  c: Component,
  x: (name: string) => Fraction,
  value: (v: string | { param: string }) => Dec,
  i: number,
  compiled: CompiledAllocation,
  scope: Readonly<Record<string, FormulaValue>>,
): { amount: Fraction; note: string } {
  const at = `/bilateral/components/${i}`;
  switch (c.kind) {
    case 'formula': {
      const formula = compiled.componentFormulas.get(i) as NonNullable<ReturnType<CompiledAllocation['componentFormulas']['get']>>;
      try {
        return { amount: formula.evaluate(scope) as Fraction, note: c.formula };
      } catch (error) {
        if (error instanceof FormulaRuntimeError) throw new AllocationError(`${at}/formula`, `component ${c.name}: ${error.message}`);
        throw error;
      }
    }
    case 'fixed':
      return { amount: fraction(value(c.amount)), note: 'fixed' };
    case 'linear': {
      const input = x(c.input);
      const rate = fraction(value(c.rate));
      const scale = compiled.linearScales.get(i) ?? new Fraction(1);
      const unit = c.inputUnit && c.rateUnit ? ` ${c.inputUnit} × ${value(c.rate)} ${c.rateUnit}` : ` × ${value(c.rate)}`;
      return { amount: input.mul(rate).mul(scale), note: `${toDecimal(input)}${unit}` };
    }
    case 'tiers': {
      const v = x(c.input);
      const tier = c.tiers.find((t) => {
        const aboveFrom = t.from === null || (t.fromInclusive ? v.compare(exact(t.from)) >= 0 : v.compare(exact(t.from)) > 0);
        const belowTo = t.to === null || (t.toInclusive ? v.compare(exact(t.to)) <= 0 : v.compare(exact(t.to)) < 0);
        return aboveFrom && belowTo;
      });
      if (!tier) throw new AllocationError(`${at}/tiers`, `component ${c.name}: no tier holds ${c.input} = ${toDecimal(v)}`);
      const bounds = `${tier.from === null ? '(-∞' : `${tier.fromInclusive ? '[' : '('}${tier.from}`}, ${tier.to === null ? '∞)' : `${tier.to}${tier.toInclusive ? ']' : ')'}`}`;
      return { amount: fraction(value(tier.amount)), note: `${c.input} = ${toDecimal(v)} in ${bounds}` };
    }
    case 'steps': {
      const v = x(c.input);
      const every = exact(c.every);
      const steps = v.compare(0) <= 0 ? F0 : roundTo(v.div(every), new Fraction(1), c.count === 'full' ? 'floor' : 'ceiling');
      return {
        amount: steps.mul(fraction(value(c.amount))),
        note: `${c.input} = ${toDecimal(v)}: ${toDecimal(steps)} ${c.count} step(s) of ${c.every}`,
      };
    }
  }
}

function bilateral(
  compiled: CompiledAllocation,
  input: AllocationInput,
  parameters: Record<string, string>,
  value: (v: string | { param: string }) => Dec,
) {
  const body = compiled.body;
  const spec = body.bilateral as NonNullable<AllocationBody['bilateral']>;
  const values = new Map<string, Fraction>();
  for (const [name, decl] of Object.entries(body.inputs)) {
    const raw = input.values?.[name];
    if (raw === undefined) {
      if (decl.optional) continue;
      throw new AllocationError(`/values/${name}`, `the agreement needs a value for '${name}'`);
    }
    let v: Fraction;
    try {
      v = exact(raw);
    } catch {
      throw new AllocationError(`/values/${name}`, `'${name}' = '${raw}' is not a decimal number`);
    }
    if ((decl.min !== undefined && v.compare(exact(decl.min)) < 0) || (decl.max !== undefined && v.compare(exact(decl.max)) > 0)) {
      throw new AllocationError(`/values/${name}`, `'${name}' = ${raw} is outside [${decl.min ?? '-∞'}, ${decl.max ?? '∞'}]`);
    }
    values.set(name, v);
  }
  // The formula sees each value in the base unit of its dimension.
  const scope: Record<string, FormulaValue> = {};
  for (const [name, v] of Object.entries(parameters)) scope[name] = exact(v).mul(compiled.scales.get(name) ?? 1);
  for (const [name, v] of values) scope[name] = v.mul(compiled.scales.get(name) ?? 1);
  const derived = deriveInto(compiled, scope, values, '/derive');
  const formula = compiled.index as NonNullable<CompiledAllocation['index']>;
  let index: Fraction;
  try {
    index = formula.evaluate(scope) as Fraction;
  } catch (error) {
    if (error instanceof FormulaRuntimeError) throw new AllocationError('/bilateral/index/formula', error.message);
    throw error;
  }
  const threshold = exact(spec.direction.threshold);
  const cmp = index.compare(threshold);
  const downstreamPays = cmp < 0 || (cmp === 0 && spec.direction.atThreshold === 'downstream-pays');
  const payer = downstreamPays ? spec.downstream : spec.upstream;
  const payee = downstreamPays ? spec.upstream : spec.downstream;
  const x = (name: string): Fraction => {
    if (name === 'index') return index;
    const v = values.get(name) ?? (parameters[name] !== undefined ? exact(parameters[name] as string) : undefined);
    if (v === undefined) throw new AllocationError(`/values/${name}`, `the agreement needs a value for '${name}'`);
    return v;
  };
  scope.index = index;
  const components = spec.components.map((c, i) => {
    const { amount, note } = componentAmount(c, x, value, i, compiled, scope);
    const cap = c.cap ? fraction(value(c.cap.max)) : undefined;
    const capped = cap && amount.compare(cap) > 0 ? cap : amount;
    return {
      name: c.name,
      before: toFixed(amount, 2),
      after: toFixed(capped, 2),
      note: capped === amount ? note : `${note}; capped at ${toDecimal(cap as Fraction)}`,
    };
  });
  const total = components.reduce((s, c) => s.plus(c.after), new D(0));
  const direction = downstreamPays
    ? `${spec.downstream} (downstream) pays ${spec.upstream} (upstream)`
    : `${spec.upstream} (upstream) pays ${spec.downstream} (downstream)`;
  const recipients: RecipientResult[] = [
    { id: payee, name: null, inputs: {}, shares: {}, weights: {}, components, constrained: null, exact: total.toString(), amount: total.toFixed(2) },
  ];
  return {
    fund: null,
    total: total.toFixed(2),
    recipients,
    derived,
    index: {
      value: toDecimal(index),
      formula: spec.index.formula,
      direction,
      threshold: toDecimal(threshold),
      comparison: (cmp < 0 ? 'below' : cmp > 0 ? 'above' : 'at') as 'below' | 'at' | 'above',
    },
    flows: [{ payer, payee, amount: total.toFixed(2) }],
    net: [
      { party: payer, contributes: total.toFixed(2), receives: '0.00', net: total.neg().toFixed(2) },
      { party: payee, contributes: '0.00', receives: total.toFixed(2), net: total.toFixed(2) },
    ],
  };
}

/** A recipient's inputs with its derived lines added, each in its line's unit. */
function withDerived(compiled: CompiledAllocation, values: Map<string, Dec>, i: number): Map<string, Dec> {
  if (compiled.derived.length === 0) return values;
  const scope: Record<string, FormulaValue> = {};
  for (const [name, v] of values) scope[name] = exact(v.toString()).mul(compiled.scales.get(name) ?? 1);
  for (const [name, p] of Object.entries(compiled.body.parameters)) scope[name] ??= exact(p.value).mul(compiled.scales.get(name) ?? 1);
  const out = new Map<string, Fraction>();
  deriveInto(compiled, scope, out, `/recipients/${i}/derive`);
  const all = new Map(values);
  for (const [name, v] of out) all.set(name, new D(toDecimal(v, 30)));
  return all;
}

/**
 * Evaluates the derived lines in order into the scope (base units) and the values (each in its line's
 * unit), and gives them back for the result's trace.
 */
function deriveInto(compiled: CompiledAllocation, scope: Record<string, FormulaValue>, values: Map<string, Fraction>, at: string) {
  return compiled.derived.map((line, i) => {
    let v: Fraction;
    try {
      v = line.formula.evaluate(scope) as Fraction;
    } catch (error) {
      if (error instanceof FormulaRuntimeError) throw new AllocationError(`${at}/${i}`, `'${line.name}': ${error.message}`);
      throw error;
    }
    scope[line.name] = v;
    const inUnit = v.div(line.unit.scale);
    values.set(line.name, inUnit);
    return { name: line.name, value: toDecimal(inUnit), unit: line.unit.text, formula: line.formula.source };
  });
}

function pool(body: AllocationBody, input: AllocationInput) {
  const spec = body.pool as NonNullable<AllocationBody['pool']>;
  const fund = requireFund(input);
  const cSum = spec.parties.reduce((s, p) => s.plus(p.contributes), new D(0));
  const rSum = spec.parties.reduce((s, p) => s.plus(p.receives), new D(0));
  const pays = largestRemainder(
    spec.parties.map((p) => ({ id: p.id, value: fund.mul(p.contributes).div(cSum) })),
    fund,
  );
  const gets = largestRemainder(
    spec.parties.map((p) => ({ id: p.id, value: fund.mul(p.receives).div(rSum) })),
    fund,
  );
  const net = spec.parties.map((p) => {
    const c = pays.get(p.id) as Dec;
    const r = gets.get(p.id) as Dec;
    return { party: p.id, contributes: c.toFixed(2), receives: r.toFixed(2), net: r.minus(c).toFixed(2) };
  });
  const recipients: RecipientResult[] = net.map((n) => ({
    id: n.party,
    name: null,
    inputs: {},
    shares: {},
    weights: {},
    components: [
      { name: 'contribution', before: '0.00', after: `-${n.contributes}` },
      { name: 'receipt', before: '0.00', after: n.receives },
    ],
    constrained: null,
    exact: n.net,
    amount: n.net,
  }));
  // Net payers pay net receivers in proportion to what each receiver is owed.
  const owed = net.filter((n) => new D(n.net).gt(0));
  const owedSum = owed.reduce((s, n) => s.plus(n.net), new D(0));
  const flows = net
    .filter((n) => new D(n.net).lt(0))
    .flatMap((payer) => {
      const amount = new D(payer.net).neg();
      const parts = largestRemainder(
        owed.map((o) => ({ id: o.party, value: amount.mul(o.net).div(owedSum) })),
        amount,
      );
      return owed
        .map((o) => ({ payer: payer.party, payee: o.party, amount: (parts.get(o.party) as Dec).toFixed(2) }))
        .filter((f) => f.amount !== '0.00');
    });
  return { fund: fund.toFixed(2), total: fund.toFixed(2), recipients, net, flows };
}

function payroll(compiled: CompiledAllocation, input: AllocationInput, value: (v: string | { param: string }) => Dec) {
  const body = compiled.body;
  const spec = body.payroll as NonNullable<AllocationBody['payroll']>;
  const values = recipientValues(body, input.recipients).map((v, i) => withDerived(compiled, v, i));
  const yearly = value(spec.yearlyStandard);
  const fixedShare = new D(spec.fixedShare);
  const recipients: RecipientResult[] = input.recipients.map((r, i) => {
    const v = values[i] as Map<string, Dec>;
    const months = v.get(spec.monthsInput) ?? new D(0);
    const score = v.get(spec.scoreInput) ?? new D(0);
    const earned = yearly.mul(months).div(12);
    const fixedPart = earned.mul(fixedShare);
    const performancePart = earned.mul(new D(1).minus(fixedShare)).mul(score).div(100);
    const exact = fixedPart.plus(performancePart);
    return {
      id: r.id,
      name: r.name ?? null,
      inputs: Object.fromEntries([...v].map(([k, d]) => [k, d.toString()])),
      shares: {},
      weights: {},
      components: [
        { name: 'fixed', before: fixedPart.toFixed(2), after: fixedPart.toFixed(2), note: `${yearly} × ${months}/12 × ${fixedShare}` },
        {
          name: 'performance',
          before: performancePart.toFixed(2),
          after: performancePart.toFixed(2),
          note: `${yearly} × ${months}/12 × ${new D(1).minus(fixedShare)} × ${score}/100`,
        },
      ],
      constrained: null,
      exact: exact.toString(),
      amount: exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    };
  });
  const total = recipients.reduce((s, r) => s.plus(r.amount), new D(0));
  if (input.fund !== undefined && total.gt(input.fund)) {
    throw new AllocationError('/fund', `the payroll comes to ${total.toFixed(2)}, more than the fund ${new D(input.fund).toFixed(2)}`);
  }
  return { fund: input.fund === undefined ? null : new D(input.fund).toFixed(2), total: total.toFixed(2), recipients };
}
