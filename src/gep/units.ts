/**
 * Units for GEP accounting, exact (decimal.js) and explicit. Each unit is a scale factor times a product
 * of base dimensions. Tonnes of carbon, of CO2 and of O2 are different dimensions, so that a tonne of
 * carbon can never be priced as a tonne of CO2 by accident: going from one to the other takes an
 * explicit factor (44/12 t CO2 per t C) in the rule file. Compound units are written `a/b` or `a*b`.
 *
 * Why not a general units library: mathjs and js-quantities compute in floating point unless configured
 * otherwise, and none of them knows 万元 and 亿元, or that t C and t CO2 are not interchangeable; the
 * table below is the domain's own knowledge, not unit arithmetic a library would add.
 */
import Decimal from 'decimal.js';

type Dims = Readonly<Record<string, number>>;
interface UnitDef {
  factor: Decimal;
  dims: Dims;
  label: string;
}

const u = (factor: Decimal.Value, dims: Dims, label: string): UnitDef => ({ factor: new Decimal(factor), dims, label });

/** Named units; the base of each dimension has factor 1. */
const UNITS: Record<string, UnitDef> = {
  // money
  yuan: u(1, { money: 1 }, '元'),
  'wan-yuan': u(1e4, { money: 1 }, '万元'),
  'yi-yuan': u(1e8, { money: 1 }, '亿元'),
  // length, area, volume
  mm: u('0.001', { length: 1 }, '毫米'),
  m: u(1, { length: 1 }, '米'),
  km: u(1000, { length: 1 }, '千米'),
  m2: u(1, { length: 2 }, '平方米'),
  mu: u(new Decimal(10000).div(15), { length: 2 }, '亩'),
  ha: u(1e4, { length: 2 }, '公顷'),
  km2: u(1e6, { length: 2 }, '平方千米'),
  m3: u(1, { length: 3 }, '立方米'),
  'wan-m3': u(1e4, { length: 3 }, '万立方米'),
  'yi-m3': u(1e8, { length: 3 }, '亿立方米'),
  // mass, of anything (products, soil, sediment)
  kg: u('0.001', { mass: 1 }, '千克'),
  t: u(1, { mass: 1 }, '吨'),
  'wan-t': u(1e4, { mass: 1 }, '万吨'),
  // masses that must not be mixed up
  't-C': u(1, { carbon: 1 }, '吨碳'),
  't-CO2': u(1, { co2: 1 }, '吨二氧化碳'),
  'kg-CO2': u('0.001', { co2: 1 }, '千克二氧化碳'),
  't-O2': u(1, { o2: 1 }, '吨氧气'),
  't-dm': u(1, { drymatter: 1 }, '吨干物质 (NPP)'),
  't-N': u(1, { nitrogen: 1 }, '吨氮'),
  't-P': u(1, { phosphorus: 1 }, '吨磷'),
  't-SO2': u(1, { so2: 1 }, '吨二氧化硫'),
  't-NOx': u(1, { nox: 1 }, '吨氮氧化物'),
  't-COD': u(1, { cod: 1 }, '吨化学需氧量'),
  // concentrations: 1 mg/L = 1 g/m3 = 1e-6 t/m3, so mg/L × m3 gives tonnes
  'mg/L': u('0.000001', { mass: 1, length: -3 }, '毫克/升'),
  // energy, counts
  kWh: u(1, { energy: 1 }, '千瓦时'),
  'wan-kWh': u(1e4, { energy: 1 }, '万千瓦时'),
  visit: u(1, { visit: 1 }, '人次'),
  'wan-visit': u(1e4, { visit: 1 }, '万人次'),
  // dimensionless
  '1': u(1, {}, ''),
  percent: u('0.01', {}, '%'),
};

export interface Unit {
  /** The unit as written, e.g. yuan/t-CO2. */
  text: string;
  factor: Decimal;
  dims: Dims;
}

export class UnitError extends Error {}

function combine(a: Dims, b: Dims, sign: 1 | -1): Dims {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const n = (out[k] ?? 0) + sign * v;
    if (n === 0) delete out[k];
    else out[k] = n;
  }
  return out;
}

/** Reads `a`, `a/b`, `a*b/c`: names from the table joined by * and at most one /. */
export function unitOf(text: string): Unit {
  // mg/L is one name, not a quotient of two of them.
  const protectedText = text.replace(/mg\/L/g, 'mg_per_L');
  const [num = '', den, extra] = protectedText.split('/');
  if (extra !== undefined) throw new UnitError(`unit '${text}' has more than one '/'`);
  let factor = new Decimal(1);
  let dims: Dims = {};
  const apply = (part: string, sign: 1 | -1) => {
    for (const raw of part.split('*')) {
      const name = raw.trim().replace('mg_per_L', 'mg/L');
      const def = UNITS[name];
      if (!def) throw new UnitError(`unknown unit '${name}' in '${text}' (known: ${Object.keys(UNITS).join(', ')})`);
      factor = sign === 1 ? factor.mul(def.factor) : factor.div(def.factor);
      dims = combine(dims, def.dims, sign);
    }
  };
  apply(num, 1);
  if (den !== undefined) apply(den, -1);
  return { text, factor, dims };
}

export function times(a: Unit, b: Unit): Unit {
  return { text: `${a.text}*${b.text}`, factor: a.factor.mul(b.factor), dims: combine(a.dims, b.dims, 1) };
}

export function sameDimension(a: Unit, b: Unit): boolean {
  const keys = new Set([...Object.keys(a.dims), ...Object.keys(b.dims)]);
  for (const k of keys) if ((a.dims[k] ?? 0) !== (b.dims[k] ?? 0)) return false;
  return true;
}

/** A value in unit `from` expressed in unit `to`; throws when they measure different things. */
export function convert(value: Decimal, from: Unit, to: Unit): Decimal {
  if (!sameDimension(from, to)) throw new UnitError(`${from.text} cannot be converted to ${to.text}`);
  return value.mul(from.factor).div(to.factor);
}

export function describeDims(unit: Unit): string {
  const parts = Object.entries(unit.dims).map(([k, v]) => (v === 1 ? k : `${k}^${v}`));
  return parts.length ? parts.join('·') : 'a pure number';
}

export const YUAN = unitOf('yuan');
