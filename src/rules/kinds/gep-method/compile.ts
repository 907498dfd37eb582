/**
 * A GEP accounting method compiled for valuation: for each indicator, the one exact multiplier that
 * turns a quantity (in its unit) into yuan, after checking that quantity × factors × price is money.
 */
import { RuleCompileError } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact, Fraction } from '../../formula/exact.js';
import { describeDims, sameDimension, times, type Unit, type UnitError, unitOf, YUAN } from '../../units/units.js';
import type { GepIndicator, GepMethodBody } from './body.js';

export interface CompiledIndicator {
  def: GepIndicator;
  quantityUnit: Unit;
  /** yuan = quantity × multiplier (× area in ha when perArea). */
  multiplier: Fraction;
  /** How the multiplier was formed, for the account's reasons. */
  chain: string;
}

export interface CompiledGepMethod {
  ruleSet: RuleSetRef;
  indicators: Map<string, CompiledIndicator>;
}

const HECTARE = unitOf('ha');

export function compileGepMethod(body: GepMethodBody, ruleSet: RuleSetRef): CompiledGepMethod {
  const indicators = new Map<string, CompiledIndicator>();
  body.indicators.forEach((def, i) => {
    const at = (field: string) => `/body/indicators/${i}/${field}`;
    const parse = (text: string, field: string) => {
      try {
        return unitOf(text);
      } catch (error) {
        throw new RuleCompileError(at(field), `indicator ${def.code}: ${(error as UnitError).message}`);
      }
    };
    const quantityUnit = parse(def.quantity.unit, 'quantity/unit');
    let unit = quantityUnit;
    let multiplier = new Fraction(1);
    const steps = [def.quantity.unit];
    def.factors.forEach((f, j) => {
      unit = times(unit, parse(f.unit, `factors/${j}/unit`));
      multiplier = multiplier.mul(exact(f.value));
      steps.push(`${f.value} ${f.unit} (${f.name})`);
    });
    if (def.perArea) {
      unit = times(unit, HECTARE);
      steps.push('area (ha)');
    }
    const price = parse(def.price.unit, 'price/unit');
    unit = times(unit, price);
    multiplier = multiplier.mul(exact(def.price.value));
    steps.push(`${def.price.value} ${def.price.unit}`);
    if (!sameDimension(unit, YUAN)) {
      throw new RuleCompileError(
        at('price/unit'),
        `indicator ${def.code}: ${steps.join(' × ')} gives ${describeDims(unit.dims)}, not money; ${hint(unit)}`,
      );
    }
    indicators.set(def.code, { def, quantityUnit, multiplier: multiplier.mul(unit.scale), chain: steps.join(' × ') });
  });
  return { ruleSet, indicators };
}

function hint(unit: Unit): string {
  const d = unit.dims;
  if (d.mass === 1 && d.length === -3) return 'tonnes are priced per m3: add a factor with the bulk density (m3/t)';
  if (d.carbon === 1 && d.co2 === -1) return 'tonnes of carbon are priced per tonne of CO2: add the factor 44/12 = 3.667 t-CO2/t-C';
  if (d.co2 === 1 && d.carbon === -1) return 'tonnes of CO2 are priced per tonne of carbon: add the factor 12/44 t-C/t-CO2';
  if (d.length === -2 && d.money === 1) return 'the price is per area: set perArea, or give the quantity per hectare';
  return 'add the factors that connect the quantity to the price unit';
}
