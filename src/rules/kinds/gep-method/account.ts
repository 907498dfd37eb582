/**
 * A GEP account for one unit and year, row by row: each indicator's quantity (measured, or computed from
 * the method's inputs, constants and derived lines, with every intermediate shown), its price with year
 * and source, and its value to the fen; subtotals, categories and the total are sums of the rounded rows
 * so they add up exactly. An indicator without the data it needs is "not assessed", saying what is
 * missing, and never counted as zero. Pure: the caller gathers the measurements.
 */
import Decimal from 'decimal.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact, type Fraction, toDecimal, toFixed } from '../../formula/exact.js';
import { FormulaRuntimeError, type FormulaValue } from '../../formula/formula.js';
import { convert, unitOf } from '../../units/units.js';
import { AREA, type CompiledGepMethod } from './compile.js';

export type Category = 'material' | 'regulating' | 'cultural';

/** One figure a quantity rests on: a measured input, a constant, the unit's area, or a derived line. */
export interface AccountStep {
  kind: 'input' | 'constant' | 'area' | 'line';
  name: string;
  title: string | null;
  value: string;
  unit: string;
  formula?: string;
  source?: string;
  measured?: { value: string; unit: string };
}

export interface AccountRow {
  indicator: string;
  title: string;
  category: Category;
  subtotal: string;
  status: 'assessed' | 'not-assessed';
  quantity: string | null;
  quantityUnit: string;
  /** The quantity's formula, when it is computed rather than measured. */
  quantityFormula: string | null;
  steps: AccountStep[];
  factors: Array<{ name: string; value: string; unit: string }>;
  price: { value: string; unit: string; year: number; source: string; formula?: string };
  /** Yuan, to the fen; null when not assessed. */
  value: string | null;
  /** The row's share of the total, as a decimal fraction (0.25 = a quarter); null when not assessed. */
  share: string | null;
  /** How the value was formed, e.g. "1250 t × 0.24 1 × 0.7692 m3/t × 12.60 yuan/m3". */
  formula: string;
  source: string | null;
  /** The measurement as recorded, before conversion into the quantity unit (measured indicators). */
  measured: { value: string; unit: string } | null;
  /** Why it is not assessed: what is missing, or a unit that no longer fits. */
  note?: string;
}

export interface GepAccount {
  year: number;
  rows: AccountRow[];
  subtotals: Array<{ category: string; subtotal: string; value: string; share: string; assessed: number; notAssessed: number }>;
  categories: Record<Category, string>;
  categoryShares: Record<Category, string>;
  total: string;
  notAssessed: string[];
  complete: boolean;
  ruleSet: RuleSetRef;
}

/** A measurement exactly as recorded: converted into the method's units only here, when the account is read. */
export interface Measurement {
  /** An indicator code, or an input's name. */
  indicator: string;
  value: string;
  unit: string;
  source: string;
}

const ZERO = new Decimal(0);
const share = (part: Decimal.Value, total: Decimal) =>
  total.isZero() ? '0' : new Decimal(part).div(total).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();

export function computeAccount(method: CompiledGepMethod, areaHa: string, year: number, measurements: ReadonlyMap<string, Measurement>): GepAccount {
  const ha = unitOf('ha');
  const scope: Record<string, FormulaValue> = { [AREA]: exact(areaHa).mul(ha.scale) };
  const known = new Map<string, AccountStep>([[AREA, { kind: 'area', name: AREA, title: '核算单元面积', value: areaHa, unit: 'ha' }]]);
  const unfit = new Map<string, string>();
  for (const [name, c] of method.constants) {
    scope[name] = c.value.mul(c.unit.scale);
    known.set(name, {
      kind: 'constant',
      name,
      title: c.title ?? null,
      value: toDecimal(c.value),
      unit: c.unit.text,
      ...(c.source ? { source: c.source } : {}),
    });
  }
  for (const [name, input] of method.inputs) {
    const m = measurements.get(name);
    if (!m) continue;
    let v: Fraction;
    try {
      v = convert(exact(m.value), unitOf(m.unit), input.unit);
    } catch {
      unfit.set(name, `${name} was measured in ${m.unit}, which the method's ${input.unit.text} cannot take`);
      continue;
    }
    scope[name] = v.mul(input.unit.scale);
    known.set(name, {
      kind: 'input',
      name,
      title: input.title,
      value: toDecimal(v),
      unit: input.unit.text,
      source: m.source,
      measured: { value: m.value, unit: m.unit },
    });
  }
  // Derived lines whose inputs are all there; the others stay out, and so do the rows that need them.
  for (const line of method.derive) {
    if (!line.formula.reads.every((n) => n in scope)) continue;
    try {
      const v = line.formula.evaluate(scope) as Fraction;
      scope[line.name] = v;
      known.set(line.name, {
        kind: 'line',
        name: line.name,
        title: line.title ?? null,
        value: toDecimal(v.div(line.unit.scale)),
        unit: line.unit.text,
        formula: line.formula.source,
      });
    } catch (error) {
      if (!(error instanceof FormulaRuntimeError)) throw error;
      unfit.set(line.name, error.message);
    }
  }

  const rows: AccountRow[] = [];
  for (const [code, ind] of method.indicators) {
    const def = ind.def;
    const base = {
      indicator: code,
      title: def.title,
      category: def.category,
      subtotal: def.subtotal,
      quantityUnit: def.quantity.unit,
      quantityFormula: ind.formula?.source ?? null,
      factors: def.factors.map((f) => ({ name: f.name, value: f.value, unit: f.unit })),
      price: {
        value: toDecimal(ind.price, 6),
        unit: def.price.unit,
        year: def.price.year,
        source: def.price.source,
        ...('formula' in def.price ? { formula: def.price.formula } : {}),
      },
    };
    const notAssessed = (note: string | undefined, steps: AccountStep[], measured: AccountRow['measured'] = null, source: string | null = null) =>
      rows.push({
        ...base,
        status: 'not-assessed',
        quantity: null,
        value: null,
        share: null,
        formula: ind.chain,
        source,
        measured,
        steps,
        ...(note ? { note } : {}),
      });
    let quantity: Fraction;
    let steps: AccountStep[] = [];
    let measured: AccountRow['measured'] = null;
    let source: string | null = null;
    if (ind.formula) {
      const needed = [...ind.needs.inputs, ...ind.needs.lines, ...ind.needs.constants];
      steps = [...(ind.formula.reads.includes(AREA) ? [AREA] : []), ...needed].flatMap((n) => {
        const s = known.get(n);
        return s ? [s] : [];
      });
      const missing = ind.needs.inputs.filter((n) => !(n in scope));
      const broken = [...ind.needs.inputs, ...ind.needs.lines].flatMap((n) => (unfit.has(n) ? [unfit.get(n) as string] : []));
      if (missing.length || broken.length) {
        const titles = missing.map((n) => `${method.inputs.get(n)?.title ?? n} (${n})`);
        notAssessed([...(titles.length ? [`not measured: ${titles.join(', ')}`] : []), ...broken].join('; '), steps);
        continue;
      }
      try {
        quantity = (ind.formula.evaluate(scope) as Fraction).div(ind.quantityUnit.scale);
      } catch (error) {
        if (!(error instanceof FormulaRuntimeError)) throw error;
        notAssessed(error.message, steps);
        continue;
      }
      source = [...new Set(steps.flatMap((s) => (s.kind === 'input' && s.source ? [s.source] : [])))].join('；') || null;
    } else {
      const m = measurements.get(code);
      if (!m) {
        notAssessed(undefined, []);
        continue;
      }
      measured = { value: m.value, unit: m.unit };
      source = m.source;
      try {
        quantity = convert(exact(m.value), unitOf(m.unit), ind.quantityUnit);
      } catch {
        notAssessed(`measured in ${m.unit}, which the method's ${def.quantity.unit} cannot take`, [], measured, m.source);
        continue;
      }
    }
    let value = quantity.mul(ind.multiplier);
    if (def.perArea) value = value.mul(exact(areaHa));
    rows.push({
      ...base,
      status: 'assessed',
      quantity: toDecimal(quantity),
      steps,
      value: toFixed(value, 2),
      share: null,
      formula: `${toDecimal(quantity)} ${ind.chain}${def.perArea ? ` with area ${areaHa} ha` : ''}`,
      source,
      measured,
    });
  }

  const subtotals = new Map<string, { category: Category; subtotal: string; value: Decimal; assessed: number; notAssessed: number }>();
  const categories: Record<Category, Decimal> = { material: ZERO, regulating: ZERO, cultural: ZERO };
  for (const r of rows) {
    const key = `${r.category}|${r.subtotal}`;
    const s = subtotals.get(key) ?? { category: r.category, subtotal: r.subtotal, value: ZERO, assessed: 0, notAssessed: 0 };
    if (r.value === null) s.notAssessed++;
    else {
      s.assessed++;
      s.value = s.value.plus(r.value);
      categories[r.category] = categories[r.category].plus(r.value);
    }
    subtotals.set(key, s);
  }
  const total = categories.material.plus(categories.regulating).plus(categories.cultural);
  for (const r of rows) if (r.value !== null) r.share = share(r.value, total);
  const notAssessed = rows.filter((r) => r.status === 'not-assessed').map((r) => r.indicator);
  return {
    year,
    rows,
    subtotals: [...subtotals.values()].map((s) => ({ ...s, value: s.value.toFixed(2), share: share(s.value, total) })),
    categories: { material: categories.material.toFixed(2), regulating: categories.regulating.toFixed(2), cultural: categories.cultural.toFixed(2) },
    categoryShares: {
      material: share(categories.material, total),
      regulating: share(categories.regulating, total),
      cultural: share(categories.cultural, total),
    },
    total: total.toFixed(2),
    notAssessed,
    complete: notAssessed.length === 0,
    ruleSet: method.ruleSet,
  };
}
