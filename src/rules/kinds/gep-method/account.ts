/**
 * A GEP account for one unit and year, row by row: quantity × (factors × price) in exact decimals, each
 * row rounded to the fen, subtotals and the total as sums of the rounded rows so they add up exactly.
 * An indicator without a measurement is "not assessed": it is listed, and never counted as zero.
 */
import Decimal from 'decimal.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact, type Fraction, toDecimal, toFixed } from '../../formula/exact.js';
import { convert, unitOf } from '../../units/units.js';
import type { CompiledGepMethod } from './compile.js';

export interface AccountRow {
  indicator: string;
  title: string;
  category: 'material' | 'regulating' | 'cultural';
  subtotal: string;
  status: 'assessed' | 'not-assessed';
  quantity: string | null;
  quantityUnit: string;
  factors: Array<{ name: string; value: string; unit: string }>;
  price: { value: string; unit: string; year: number; source: string };
  /** Yuan, to the fen; null when not assessed. */
  value: string | null;
  /** How the value was formed, e.g. "1250 t × 0.24 1 × 0.7692 m3/t × 12.60 yuan/m3". */
  formula: string;
  source: string | null;
  /** The measurement as recorded, before conversion into the quantity unit. */
  measured: { value: string; unit: string } | null;
  /** Why an indicator with a measurement is still not assessed (its unit no longer fits the method). */
  note?: string;
}

export interface GepAccount {
  year: number;
  rows: AccountRow[];
  subtotals: Array<{ category: string; subtotal: string; value: string; assessed: number; notAssessed: number }>;
  categories: Record<'material' | 'regulating' | 'cultural', string>;
  total: string;
  notAssessed: string[];
  complete: boolean;
  ruleSet: RuleSetRef;
}

/** A measurement exactly as recorded: converted into the method's unit only here, when the account is read. */
export interface Measurement {
  indicator: string;
  value: string;
  unit: string;
  source: string;
}

export function computeAccount(method: CompiledGepMethod, areaHa: string, year: number, measurements: ReadonlyMap<string, Measurement>): GepAccount {
  const rows: AccountRow[] = [];
  for (const [code, ind] of method.indicators) {
    const m = measurements.get(code);
    const base = {
      indicator: code,
      title: ind.def.title,
      category: ind.def.category,
      subtotal: ind.def.subtotal,
      quantityUnit: ind.def.quantity.unit,
      factors: ind.def.factors.map((f) => ({ name: f.name, value: f.value, unit: f.unit })),
      price: { value: ind.def.price.value, unit: ind.def.price.unit, year: ind.def.price.year, source: ind.def.price.source },
    };
    if (!m) {
      rows.push({ ...base, status: 'not-assessed', quantity: null, value: null, formula: ind.chain, source: null, measured: null });
      continue;
    }
    const measured = { value: m.value, unit: m.unit };
    let quantity: Fraction;
    try {
      quantity = convert(exact(m.value), unitOf(m.unit), ind.quantityUnit);
    } catch {
      const note = `measured in ${m.unit}, which the method's ${ind.def.quantity.unit} cannot take`;
      rows.push({ ...base, status: 'not-assessed', quantity: null, value: null, formula: ind.chain, source: m.source, measured, note });
      continue;
    }
    let value = quantity.mul(ind.multiplier);
    if (ind.def.perArea) value = value.mul(exact(areaHa));
    rows.push({
      ...base,
      status: 'assessed',
      quantity: toDecimal(quantity),
      value: toFixed(value, 2),
      formula: `${toDecimal(quantity)} ${ind.chain}${ind.def.perArea ? ` with area ${areaHa} ha` : ''}`,
      source: m.source,
      measured,
    });
  }
  const subtotals = new Map<string, { category: string; subtotal: string; value: Decimal; assessed: number; notAssessed: number }>();
  const categories = { material: new Decimal(0), regulating: new Decimal(0), cultural: new Decimal(0) };
  for (const r of rows) {
    const key = `${r.category}|${r.subtotal}`;
    const s = subtotals.get(key) ?? { category: r.category, subtotal: r.subtotal, value: new Decimal(0), assessed: 0, notAssessed: 0 };
    if (r.value === null) s.notAssessed++;
    else {
      s.assessed++;
      s.value = s.value.plus(r.value);
      categories[r.category] = categories[r.category].plus(r.value);
    }
    subtotals.set(key, s);
  }
  const total = categories.material.plus(categories.regulating).plus(categories.cultural);
  const notAssessed = rows.filter((r) => r.status === 'not-assessed').map((r) => r.indicator);
  return {
    year,
    rows,
    subtotals: [...subtotals.values()].map((s) => ({ ...s, value: s.value.toFixed(2) })),
    categories: { material: categories.material.toFixed(2), regulating: categories.regulating.toFixed(2), cultural: categories.cultural.toFixed(2) },
    total: total.toFixed(2),
    notAssessed,
    complete: notAssessed.length === 0,
    ruleSet: method.ruleSet,
  };
}
