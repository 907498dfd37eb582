/**
 * An allocation rule set checked whole and compiled: every input and parameter a component or formula
 * names is declared, every unit is known, the agreement's index formula type-checks to a pure number,
 * a linear component's input × rate comes out in yuan, and tiers run upward without gaps or overlaps.
 * Whatever a run could find wrong from the file alone is found here, at upload.
 */
import { CompileIssues, RuleCompileError } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact, Fraction } from '../../formula/exact.js';
import { type CompiledFormula, compileFormula, FormulaError, type FormulaType, NUMBER, quantity } from '../../formula/formula.js';
import { formatDims, missingFactor, sameDimension, times, type Unit, UnitError, unitOf, YUAN } from '../../units/units.js';
import type { AllocationBody } from './body.js';

export interface CompiledAllocation {
  body: AllocationBody;
  ruleSet: RuleSetRef;
  /** Scale of each input and parameter's unit to its base: formulas compute in base units. */
  scales: Map<string, Fraction>;
  /** The agreement's index, for the bilateral scheme. */
  index?: CompiledFormula | undefined;
  /** Per linear component (by index): the exact factor that turns input × rate into yuan. */
  linearScales: Map<number, Fraction>;
  /** The derived lines, in order: each computes from the inputs, parameters and the lines before it. */
  derived: Array<{ name: string; unit: Unit; formula: CompiledFormula }>;
  /** Per formula component (by index): its compiled formula, which gives yuan. */
  componentFormulas: Map<number, CompiledFormula>;
}

export function compileAllocation(body: AllocationBody, ruleSet: RuleSetRef): CompiledAllocation {
  const issues = new CompileIssues();
  const units = new Map<string, Unit>();
  const declare = (name: string, unit: string | undefined, pointer: string) =>
    issues.check(() => {
      try {
        units.set(name, unitOf(unit ?? '1'));
      } catch (error) {
        if (error instanceof UnitError) throw new RuleCompileError(pointer, `'${name}': ${error.message}`);
        throw error;
      }
    });
  for (const [name, p] of Object.entries(body.parameters)) declare(name, p.unit, `/body/parameters/${name}/unit`);
  for (const [name, d] of Object.entries(body.inputs)) declare(name, d.unit, `/body/inputs/${name}/unit`);
  // Derived lines: each may read the inputs, the parameters and the lines before it, in its own unit.
  const declared = new Map<string, FormulaType>([...units].map(([name, unit]) => [name, quantity(unit.dims)]));
  const derived: CompiledAllocation['derived'] = [];
  body.derive.forEach((line, i) => {
    const at = `/body/derive/${i}`;
    if (declared.has(line.name)) {
      issues.add(`${at}/name`, `'${line.name}' is already an input, a parameter or an earlier line`);
      return;
    }
    const unit = issues.check(() => {
      try {
        return unitOf(line.unit);
      } catch (error) {
        if (error instanceof UnitError) throw new RuleCompileError(`${at}/unit`, `'${line.name}': ${error.message}`);
        throw error;
      }
    });
    if (!unit) return;
    const formula = issues.check(() => {
      try {
        return compileFormula(line.formula, declared, {
          pointer: `${at}/formula`,
          expect: quantity(unit.dims),
          what: `'${line.name}' (${line.unit})`,
        });
      } catch (error) {
        if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, error.message);
        throw error;
      }
    });
    declared.set(line.name, quantity(unit.dims));
    units.set(line.name, unit);
    if (formula) derived.push({ name: line.name, unit, formula });
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

  let index: CompiledFormula | undefined;
  const linearScales = new Map<number, Fraction>();
  const componentFormulas = new Map<number, CompiledFormula>();
  const spec = body.bilateral;
  if (spec) {
    index = issues.check(() => {
      try {
        return compileFormula(spec.index.formula, declared, { pointer: '/body/bilateral/index/formula', expect: NUMBER, what: 'the index' });
      } catch (error) {
        if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, error.message);
        throw error;
      }
    });
    spec.components.forEach((c, i) => {
      const at = `/body/bilateral/components/${i}`;
      if ('input' in c) mustKnow(c.input, `${at}/input`, c.input === 'index');
      if (c.kind === 'linear') {
        issues.check(() => linearScales.set(i, linearScale(c, units, at)));
      }
      if (c.kind === 'formula') {
        const withIndex = new Map(declared).set('index', quantity({}));
        const f = issues.check(() => {
          try {
            return compileFormula(c.formula, withIndex, {
              pointer: `${at}/formula`,
              expect: quantity(YUAN.dims),
              what: `component ${c.name} (yuan)`,
            });
          } catch (error) {
            if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, error.message);
            throw error;
          }
        });
        if (f) componentFormulas.set(i, f);
      }
      if (c.kind === 'tiers') {
        c.tiers.forEach((t, j) => {
          if (t.from !== null && t.to !== null && exact(t.from).compare(exact(t.to)) >= 0) {
            issues.add(`${at}/tiers/${j}/to`, `tier ${j + 1} runs from ${t.from} to ${t.to}: a tier runs upward (from < to)`);
          }
        });
      }
    });
  }
  issues.done();
  const scales = new Map([...units].map(([name, unit]) => [name, unit.scale]));
  return { body, ruleSet, scales, index, linearScales, derived, componentFormulas };
}

/** input × rate must be money; the factor between their units and yuan is kept exact. */
function linearScale(
  c: Extract<NonNullable<AllocationBody['bilateral']>['components'][number], { kind: 'linear' }>,
  units: Map<string, Unit>,
  at: string,
): Fraction {
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
