/**
 * An allocation rule set checked whole and compiled: every input and parameter a component or formula
 * names is declared, every unit is known, the agreement's index formula type-checks to a pure number,
 * each amount formula to yuan and each condition to true/false, a linear component's input × rate comes
 * out in yuan, the parties a component names exist, and tiers run upward without gaps or overlaps.
 * Whatever a run could find wrong from the file alone is found here, at upload.
 */
import { CompileIssues, RuleCompileError } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact, Fraction, toDecimal } from '../../formula/exact.js';
import { BOOLEAN, type CompiledFormula, compileFormula, FormulaError, type FormulaType, NUMBER, quantity } from '../../formula/formula.js';
import { formatDims, missingFactor, sameDimension, times, type Unit, UnitError, unitOf, YUAN } from '../../units/units.js';
import type { AllocationBody, Component } from './body.js';

/** The formulas of one component, compiled. */
export interface CompiledComponent {
  formula?: CompiledFormula | undefined;
  when?: CompiledFormula | undefined;
  /** Per tier (by index), where the tier's amount is a formula. */
  tierFormulas: Map<number, CompiledFormula>;
  /** linear: the exact factor that turns input × rate into yuan. */
  linearScale?: Fraction | undefined;
}

export interface CompiledAllocation {
  body: AllocationBody;
  ruleSet: RuleSetRef;
  /** Scale of each input and parameter's unit to its base: formulas compute in base units. */
  scales: Map<string, Fraction>;
  /** The agreement's index, for the bilateral scheme. */
  index?: CompiledFormula | undefined;
  /** The derived lines, in order: each computes from the inputs, parameters and the lines before it. */
  derived: Array<{ name: string; unit: Unit; formula: CompiledFormula }>;
  /** The components of the agreement or the schedule, by index. */
  components: CompiledComponent[];
  /** The pool's size, where it is a formula. */
  poolFund?: CompiledFormula | undefined;
  /** Amounts are rounded to this many yuan (0.01: a fen). */
  step: Fraction;
  stepText: string;
  /** The parties of an agreement, by id, with what they are. */
  parties: Map<string, { title: string | null; kind: string | null }>;
}

export function compileAllocation(body: AllocationBody, ruleSet: RuleSetRef): CompiledAllocation {
  const issues = new CompileIssues();
  const units = new Map<string, Unit>();
  const parseUnit = (text: string, pointer: string, what: string): Unit | undefined =>
    issues.check(() => {
      try {
        return unitOf(text);
      } catch (error) {
        if (error instanceof UnitError) throw new RuleCompileError(pointer, `${what}: ${error.message}`);
        throw error;
      }
    });
  const formula = (source: string, names: ReadonlyMap<string, FormulaType>, pointer: string, expect: FormulaType, what: string) =>
    issues.check(() => {
      try {
        return compileFormula(source, names, { pointer, expect, what });
      } catch (error) {
        if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, error.message);
        throw error;
      }
    });
  for (const [name, p] of Object.entries(body.parameters)) {
    const u = parseUnit(p.unit ?? '1', `/body/parameters/${name}/unit`, `'${name}'`);
    if (u) units.set(name, u);
  }
  for (const [name, d] of Object.entries(body.inputs)) {
    const u = parseUnit(d.unit ?? '1', `/body/inputs/${name}/unit`, `'${name}'`);
    if (u) units.set(name, u);
  }
  // Derived lines: each may read the inputs, the parameters and the lines before it, in its own unit.
  const declared = new Map<string, FormulaType>([...units].map(([name, unit]) => [name, quantity(unit.dims)]));
  const derived: CompiledAllocation['derived'] = [];
  body.derive.forEach((line, i) => {
    const at = `/body/derive/${i}`;
    if (declared.has(line.name)) {
      issues.add(`${at}/name`, `'${line.name}' is already an input, a parameter or an earlier line`);
      return;
    }
    const unit = parseUnit(line.unit, `${at}/unit`, `'${line.name}'`);
    if (!unit) return;
    const f = formula(line.formula, declared, `${at}/formula`, quantity(unit.dims), `'${line.name}' (${line.unit})`);
    declared.set(line.name, quantity(unit.dims));
    units.set(line.name, unit);
    if (f) derived.push({ name: line.name, unit, formula: f });
  });
  const derivedNames = new Set(body.derive.map((d) => d.name));
  const known = (name: string) => name in body.inputs || name in body.parameters || derivedNames.has(name);
  const mustKnow = (name: string, pointer: string, extra = false): void => {
    if (!known(name) && !extra)
      issues.add(pointer, `'${name}' is neither a declared input nor a parameter (inputs: ${Object.keys(body.inputs).join(', ') || 'none'})`);
  };

  for (const [i, f] of (body.split?.factors ?? []).entries()) mustKnow(f.input, `/body/split/factors/${i}/input`);
  if (body.split?.floor?.holdHarmless) mustKnow(body.split.floor.holdHarmless.input, '/body/split/floor/holdHarmless/input');
  for (const [i, d] of (body.split?.deductions ?? []).entries()) mustKnow(d.input, `/body/split/deductions/${i}/input`);
  if (body.payroll) {
    mustKnow(body.payroll.monthsInput, '/body/payroll/monthsInput');
    mustKnow(body.payroll.scoreInput, '/body/payroll/scoreInput');
  }

  const parties = new Map<string, { title: string | null; kind: string | null }>();
  if (body.bilateral) {
    for (const id of [body.bilateral.upstream, body.bilateral.downstream]) parties.set(id, { title: null, kind: null });
    body.bilateral.parties.forEach((p, i) => {
      if (parties.get(p.id)?.title) issues.add(`/body/bilateral/parties/${i}/id`, `party '${p.id}' is listed twice`);
      parties.set(p.id, { title: p.title, kind: p.kind ?? null });
    });
  }

  let index: CompiledFormula | undefined;
  if (body.bilateral) index = formula(body.bilateral.index.formula, declared, '/body/bilateral/index/formula', NUMBER, 'the index');
  const withIndex = body.bilateral ? new Map(declared).set('index', NUMBER) : declared;
  const list = body.bilateral?.components ?? body.schedule?.components ?? [];
  const base = body.bilateral ? '/body/bilateral/components' : '/body/schedule/components';
  const components = list.map((c, i) => compileComponent(c, `${base}/${i}`));

  function compileComponent(c: Component, at: string): CompiledComponent {
    const out: CompiledComponent = { tierFormulas: new Map() };
    if ('input' in c) mustKnow(c.input, `${at}/input`, c.input === 'index' && body.bilateral !== undefined);
    if (c.when) out.when = formula(c.when, withIndex, `${at}/when`, BOOLEAN, `the condition of ${c.name}`);
    if (c.pays !== undefined && c.pays !== 'by-index') {
      for (const side of ['from', 'to'] as const) {
        if (!parties.has(c.pays[side]))
          issues.add(
            `${at}/pays/${side}`,
            `component ${c.name}: '${c.pays[side]}' is not a party of the agreement (${[...parties.keys()].join(', ')})`,
          );
      }
      if (c.pays.from === c.pays.to) issues.add(`${at}/pays/to`, `component ${c.name}: a party does not pay itself`);
    }
    if (c.kind === 'linear') out.linearScale = issues.check(() => linearScale(c, units, at));
    if (c.kind === 'formula') out.formula = formula(c.formula, withIndex, `${at}/formula`, quantity(YUAN.dims), `component ${c.name} (yuan)`);
    if (c.kind === 'tiers') {
      c.tiers.forEach((t, j) => {
        if (t.from !== null && t.to !== null && exact(t.from).compare(exact(t.to)) >= 0) {
          issues.add(`${at}/tiers/${j}/to`, `tier ${j + 1} runs from ${t.from} to ${t.to}: a tier runs upward (from < to)`);
        }
        if (typeof t.amount === 'object' && 'formula' in t.amount) {
          const f = formula(t.amount.formula, withIndex, `${at}/tiers/${j}/amount/formula`, quantity(YUAN.dims), `tier ${j + 1} of ${c.name} (yuan)`);
          if (f) out.tierFormulas.set(j, f);
        }
      });
    }
    return out;
  }

  let poolFund: CompiledFormula | undefined;
  if (body.pool?.fund) poolFund = formula(body.pool.fund.formula, declared, '/body/pool/fund/formula', quantity(YUAN.dims), 'the pool (yuan)');

  const rounding = body.rounding ?? { step: '0.01', unit: 'yuan' };
  let step = new Fraction(1, 100);
  const roundingUnit = parseUnit(rounding.unit, '/body/rounding/unit', 'the rounding unit');
  if (roundingUnit) {
    if (!sameDimension(roundingUnit, YUAN)) issues.add('/body/rounding/unit', `amounts are rounded in money, not ${rounding.unit}`);
    else step = exact(rounding.step).mul(roundingUnit.scale).div(YUAN.scale);
    if (step.compare(0) <= 0) issues.add('/body/rounding/step', 'the rounding step must be more than zero');
    else if (!step.mul(100).floor().equals(step.mul(100))) issues.add('/body/rounding/step', 'amounts are rounded to whole fen at the finest');
  }
  issues.done();
  const scales = new Map([...units].map(([name, unit]) => [name, unit.scale]));
  return {
    body,
    ruleSet,
    scales,
    index,
    derived,
    components,
    poolFund,
    step,
    stepText: `${rounding.step} ${rounding.unit}${toDecimal(step) === rounding.step && rounding.unit === 'yuan' ? '' : ` (${toDecimal(step)} yuan)`}`,
    parties,
  };
}

/** input × rate must be money; the factor between their units and yuan is kept exact. */
function linearScale(c: Extract<Component, { kind: 'linear' }>, units: Map<string, Unit>, at: string): Fraction {
  const declared = units.get(c.input);
  if (c.input !== 'index' && declared && c.inputUnit !== undefined) {
    const given = unitOf(c.inputUnit);
    if (!sameDimension(given, declared)) {
      throw new RuleCompileError(`${at}/inputUnit`, `component ${c.name}: '${c.input}' is declared in ${declared.text}, not ${c.inputUnit}`);
    }
  }
  if (c.inputUnit === undefined && c.rateUnit === undefined) {
    if (declared && formatDims(declared.dims) !== '1') {
      throw new RuleCompileError(
        `${at}/rateUnit`,
        `component ${c.name}: '${c.input}' is in ${declared.text}; give rateUnit so that the product is yuan`,
      );
    }
    return new Fraction(1);
  }
  const input = c.inputUnit !== undefined ? unitOf(c.inputUnit) : (declared ?? unitOf('1'));
  if (c.rateUnit === undefined) throw new RuleCompileError(`${at}/rateUnit`, `component ${c.name}: give the rate's unit (e.g. yuan/${input.text})`);
  const rate = unitOf(c.rateUnit);
  const product = times(input, rate);
  if (!sameDimension(product, YUAN)) {
    throw new RuleCompileError(
      `${at}/rateUnit`,
      `component ${c.name}: ${input.text} × ${rate.text} gives ${formatDims(product.dims)}, not yuan: the factor ${missingFactor(product.dims, YUAN.dims)} is missing`,
    );
  }
  return product.scale.div(YUAN.scale);
}
