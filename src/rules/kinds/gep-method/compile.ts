/**
 * A GEP accounting method compiled for valuation. Each indicator's quantity is either measured directly
 * or computed by an exact formula from the method's inputs (precipitation, NPP, erosion …), constants
 * (a bulk density, 44/12) and derived lines; its value is quantity × factors × price, with the one exact
 * multiplier from quantity to yuan found here. Units are checked through every step, so a chain that
 * does not come out in money is refused at upload with the factor that is missing.
 */
import { CompileIssues, RuleCompileError } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact, Fraction, toDecimal } from '../../formula/exact.js';
import { type CompiledFormula, compileFormula, FormulaError, type FormulaType, quantity } from '../../formula/formula.js';
import { describeDims, sameDimension, times, type Unit, UnitError, unitOf, YUAN } from '../../units/units.js';
import type { GepIndicator, GepMethodBody } from './body.js';

export interface CompiledIndicator {
  def: GepIndicator;
  quantityUnit: Unit;
  /** Measured directly (recorded under its code), or computed by `formula`. */
  formula?: CompiledFormula | undefined;
  /** The inputs, derived lines and constants the quantity rests on, transitively, in order of definition. */
  needs: { inputs: string[]; lines: string[]; constants: string[] };
  /** yuan = quantity × multiplier (× area in ha when perArea). */
  multiplier: Fraction;
  /** The price in its own unit, exactly (a derived price is computed here). */
  price: Fraction;
  /** How the multiplier was formed, for the account's reasons. */
  chain: string;
}

export interface CompiledGepMethod {
  ruleSet: RuleSetRef;
  indicators: Map<string, CompiledIndicator>;
  inputs: Map<string, { unit: Unit; title: string; allowNegative: boolean }>;
  constants: Map<string, { value: Fraction; unit: Unit; title: string | undefined; source: string | undefined }>;
  derive: Array<{ name: string; unit: Unit; title: string | undefined; formula: CompiledFormula }>;
  /** Capitalised asset value = annual GEP ÷ rate, when the method states a rate. */
  assetRate?: { rate: Fraction; source: string } | undefined;
  primary: boolean;
}

const HECTARE = unitOf('ha');
/** The accounting unit's own area, readable by name in every formula. */
export const AREA = 'area';

function constantValue(text: string): Fraction {
  return /^\d+\/\d+$/.test(text) ? new Fraction(text) : exact(text);
}

export function compileGepMethod(body: GepMethodBody, ruleSet: RuleSetRef): CompiledGepMethod {
  const issues = new CompileIssues();
  const declared = new Map<string, FormulaType>([[AREA, quantity(HECTARE.dims)]]);
  const parseUnit = (text: string, pointer: string, what: string): Unit | undefined =>
    issues.check(() => {
      try {
        return unitOf(text);
      } catch (error) {
        if (error instanceof UnitError) throw new RuleCompileError(pointer, `${what}: ${error.message}`);
        throw error;
      }
    });
  const formula = (source: string, pointer: string, expect: Unit, what: string, names: ReadonlyMap<string, FormulaType> = declared) =>
    issues.check(() => {
      try {
        return compileFormula(source, names, { pointer, expect: quantity(expect.dims), what });
      } catch (error) {
        if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, `${what}: ${error.message}`);
        throw error;
      }
    });
  const taken = (name: string, pointer: string) => {
    if (!declared.has(name)) return false;
    issues.add(pointer, `'${name}' is declared twice (constants, inputs and derived lines share one set of names; 'area' is the unit's area)`);
    return true;
  };

  const constants: CompiledGepMethod['constants'] = new Map();
  for (const [name, c] of Object.entries(body.constants)) {
    if (taken(name, `/body/constants/${name}`)) continue;
    const unit = parseUnit(c.unit, `/body/constants/${name}/unit`, `constant ${name}`);
    if (!unit) continue;
    constants.set(name, { value: constantValue(c.value), unit, title: c.title, source: c.source });
    declared.set(name, quantity(unit.dims));
  }
  const onlyConstants = new Map([...declared].filter(([n]) => constants.has(n)));
  const inputs: CompiledGepMethod['inputs'] = new Map();
  for (const [name, input] of Object.entries(body.inputs)) {
    if (taken(name, `/body/inputs/${name}`)) continue;
    const unit = parseUnit(input.unit, `/body/inputs/${name}/unit`, `input ${name}`);
    if (!unit) continue;
    inputs.set(name, { unit, title: input.title, allowNegative: input.allowNegative });
    declared.set(name, quantity(unit.dims));
  }

  // What each name rests on, transitively: inputs (to be measured), lines (to be computed), constants.
  const needsOf = new Map<string, { inputs: Set<string>; lines: Set<string>; constants: Set<string> }>();
  const needsFor = (f: CompiledFormula) => {
    const out = { inputs: new Set<string>(), lines: new Set<string>(), constants: new Set<string>() };
    for (const name of f.reads) {
      if (inputs.has(name)) out.inputs.add(name);
      else if (constants.has(name)) out.constants.add(name);
      else if (name !== AREA) {
        const inner = needsOf.get(name);
        if (inner) {
          for (const x of inner.inputs) out.inputs.add(x);
          for (const x of inner.lines) out.lines.add(x);
          for (const x of inner.constants) out.constants.add(x);
        }
        out.lines.add(name);
      }
    }
    return out;
  };

  const derive: CompiledGepMethod['derive'] = [];
  body.derive.forEach((line, i) => {
    const at = `/body/derive/${i}`;
    if (taken(line.name, `${at}/name`)) return;
    const unit = parseUnit(line.unit, `${at}/unit`, `line ${line.name}`);
    if (!unit) return;
    const f = formula(line.formula, `${at}/formula`, unit, `'${line.name}' (${line.unit})`);
    declared.set(line.name, quantity(unit.dims));
    if (!f) return;
    needsOf.set(line.name, needsFor(f));
    derive.push({ name: line.name, unit, title: line.title, formula: f });
  });

  const indicators = new Map<string, CompiledIndicator>();
  body.indicators.forEach((def, i) => {
    const at = (field: string) => `/body/indicators/${i}/${field}`;
    const quantityUnit = parseUnit(def.quantity.unit, at('quantity/unit'), `indicator ${def.code}`);
    if (!quantityUnit) return;
    const quantityFormula = def.quantity.formula
      ? formula(def.quantity.formula, at('quantity/formula'), quantityUnit, `indicator ${def.code} (${def.quantity.unit})`)
      : undefined;
    if (def.quantity.formula && !quantityFormula) return;
    let unit = quantityUnit;
    let multiplier = new Fraction(1);
    const steps = [def.quantity.unit];
    for (const [j, f] of def.factors.entries()) {
      const u = parseUnit(f.unit, at(`factors/${j}/unit`), `indicator ${def.code}`);
      if (!u) return;
      unit = times(unit, u);
      multiplier = multiplier.mul(exact(f.value));
      steps.push(`${f.value} ${f.unit} (${f.name})`);
    }
    if (def.perArea) {
      unit = times(unit, HECTARE);
      steps.push('area (ha)');
    }
    const priceUnit = parseUnit(def.price.unit, at('price/unit'), `indicator ${def.code}`);
    if (!priceUnit) return;
    let price: Fraction;
    if ('formula' in def.price) {
      const f = formula(def.price.formula, at('price/formula'), priceUnit, `the price of ${def.code} (${def.price.unit})`, onlyConstants);
      if (!f) return;
      const scope = Object.fromEntries([...constants].map(([n, c]) => [n, c.value.mul(c.unit.scale)]));
      price = (f.evaluate(scope) as Fraction).div(priceUnit.scale);
    } else {
      price = exact(def.price.value);
    }
    unit = times(unit, priceUnit);
    multiplier = multiplier.mul(price);
    steps.push(`${'formula' in def.price ? `(${def.price.formula} = ${toDecimal(price, 6)})` : def.price.value} ${def.price.unit}`);
    if (!sameDimension(unit, YUAN)) {
      issues.add(at('price/unit'), `indicator ${def.code}: ${steps.join(' × ')} gives ${describeDims(unit.dims)}, not money; ${hint(unit)}`);
      return;
    }
    const needs = quantityFormula ? needsFor(quantityFormula) : { inputs: new Set<string>(), lines: new Set<string>(), constants: new Set<string>() };
    indicators.set(def.code, {
      def,
      quantityUnit,
      formula: quantityFormula,
      needs: {
        inputs: [...inputs.keys()].filter((n) => needs.inputs.has(n)),
        lines: derive.map((d) => d.name).filter((n) => needs.lines.has(n)),
        constants: [...constants.keys()].filter((n) => needs.constants.has(n)),
      },
      multiplier: multiplier.mul(unit.scale),
      price,
      chain: steps.join(' × '),
    });
  });
  issues.done();
  const assetRate = body.assetValue ? { rate: exact(body.assetValue.discountRate), source: body.assetValue.source } : undefined;
  return { ruleSet, indicators, inputs, constants, derive, assetRate, primary: body.primary };
}

function hint(unit: Unit): string {
  const d = unit.dims;
  if (d.mass === 1 && d.length === -3)
    return 'tonnes are priced per m3: add a factor with the bulk density (m3/t), or compute the volume with a formula (soil ÷ bulk_density)';
  if (d.carbon === 1 && d.co2 === -1) return 'tonnes of carbon are priced per tonne of CO2: add the factor 44/12 t-CO2/t-C';
  if (d.co2 === 1 && d.carbon === -1) return 'tonnes of CO2 are priced per tonne of carbon: add the factor 12/44 t-C/t-CO2';
  if (d.length === -2 && d.money === 1) return 'the price is per area: set perArea, or give the quantity per hectare';
  return 'add the factors that connect the quantity to the price unit';
}
