/**
 * Exact units over the vocabulary: a unit is a scale (a fraction, so 亩 = 10000/15 m² stays exact) and
 * a product of dimensions. Written forms: a name from the vocabulary with an optional 万/亿 prefix,
 * joined by `*`, `×` or `·`, at most one `/`, and powers as `^2` (`m²`, `km²` are names of their own):
 * `yuan/t-CO2`, `mm×km2`, `mm*km2`, `万元/亩`, `mg/L*m3`.
 */

import { LruCache } from '../../platform/lru.js';
import { Fraction } from '../formula/exact.js';
import { DIMENSIONS, type Dimension, PREFIXES, UNITS, type UnitEntry } from './vocabulary.js';

export type Dims = Readonly<Partial<Record<Dimension, number>>>;

export interface Unit {
  /** As written. */
  text: string;
  /** value in this unit × scale = value in the base units of its dimensions. */
  scale: Fraction;
  dims: Dims;
}

export class UnitError extends Error {}

const byName = new Map<string, UnitEntry>();
for (const u of UNITS) for (const name of [u.code, u.zh, ...(u.aliases ?? [])]) if (name) byName.set(name, u);

/** Names that contain `/` themselves, kept whole before a unit is split at its `/`. */
const SLASHED = UNITS.flatMap((u) => [u.code, ...(u.aliases ?? []), u.zh]).filter((n) => n.includes('/'));

export function combine(a: Dims, b: Dims, sign: 1 | -1 = 1): Dims {
  const out: Partial<Record<Dimension, number>> = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[Dimension, number]>) {
    const n = (out[k] ?? 0) + sign * v;
    if (n === 0) delete out[k];
    else out[k] = n;
  }
  return out;
}

function power(d: Dims, n: number): Dims {
  const out: Partial<Record<Dimension, number>> = {};
  for (const [k, v] of Object.entries(d) as Array<[Dimension, number]>) out[k] = v * n;
  return out;
}

function lookup(name: string, whole: string): { scale: Fraction; dims: Dims } {
  const direct = byName.get(name);
  if (direct) return { scale: new Fraction(direct.scale), dims: direct.dims };
  for (const p of PREFIXES) {
    for (const mark of [p.ascii, p.zh]) {
      if (!name.startsWith(mark)) continue;
      const rest = byName.get(name.slice(mark.length));
      if (rest?.prefixable) return { scale: new Fraction(rest.scale).mul(p.scale), dims: rest.dims };
      if (rest) throw new UnitError(`'${rest.code}' takes no ${p.zh} prefix (in '${whole}')`);
    }
  }
  throw new UnitError(`unknown unit '${name}' in '${whole}' (see GET /v1/districts/{districtId}/units for the vocabulary)`);
}

/** Units named by their text: a text always reads the same, so only the bound keeps ad-hoc texts from piling up. */
const cache = new LruCache<string, Unit>(4096);

/** Reads a written unit; throws UnitError naming what it does not know. */
export function unitOf(text: string): Unit {
  const cached = cache.get(text);
  if (cached) return cached;
  const trimmed = text.trim();
  if (!trimmed) throw new UnitError('a unit cannot be empty');
  let protectedText = trimmed;
  const slots: string[] = [];
  for (const name of SLASHED) {
    while (protectedText.includes(name)) {
      protectedText = protectedText.replace(name, `\uE000${slots.length}\uE000`);
      slots.push(name);
    }
  }
  const parts = protectedText.split('/');
  if (parts.length > 2) throw new UnitError(`unit '${text}' has more than one '/'`);
  let scale = new Fraction(1);
  let dims: Dims = {};
  const apply = (part: string, sign: 1 | -1) => {
    for (const raw of part.split(/[*×·]/)) {
      let name = raw.trim().replace(/\uE000(\d+)\uE000/g, (_, i: string) => slots[Number(i)] as string);
      if (!name) throw new UnitError(`unit '${text}' has an empty factor`);
      let exponent = 1;
      const pow = /^(.+)\^(-?\d+)$/.exec(name);
      if (pow && !byName.has(name)) {
        name = pow[1] as string;
        exponent = Number(pow[2]);
      }
      const u = lookup(name, text);
      const s = u.scale.pow(exponent);
      scale = sign === 1 ? scale.mul(s) : scale.div(s);
      dims = combine(dims, power(u.dims, exponent), sign);
    }
  };
  apply(parts[0] as string, 1);
  if (parts[1] !== undefined) apply(parts[1], -1);
  const unit = { text: trimmed, scale, dims };
  cache.set(text, unit);
  return unit;
}

export const ONE: Unit = { text: '1', scale: new Fraction(1), dims: {} };
export const YUAN = unitOf('yuan');

export function times(a: Unit, b: Unit): Unit {
  return { text: `${a.text}*${b.text}`, scale: a.scale.mul(b.scale), dims: combine(a.dims, b.dims, 1) };
}

export function per(a: Unit, b: Unit): Unit {
  return { text: `${a.text}/(${b.text})`, scale: a.scale.div(b.scale), dims: combine(a.dims, b.dims, -1) };
}

export function sameDims(a: Dims, b: Dims): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<Dimension>;
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

export function sameDimension(a: Unit, b: Unit): boolean {
  return sameDims(a.dims, b.dims);
}

export const isDimensionless = (d: Dims) => Object.keys(d).length === 0;

/** A value in unit `from`, exactly, in unit `to`; throws when they measure different things. */
export function convert(value: Fraction, from: Unit, to: Unit): Fraction {
  if (!sameDimension(from, to))
    throw new UnitError(`${from.text} (${describeDims(from.dims)}) cannot be converted to ${to.text} (${describeDims(to.dims)})`);
  return value.mul(from.scale).div(to.scale);
}

const BASE_CODE: Record<Dimension, string> = {
  money: 'yuan',
  length: 'm',
  mass: 't',
  carbon: 't-C',
  co2: 't-CO2',
  o2: 't-O2',
  drymatter: 't-dm',
  nitrogen: 't-N',
  phosphorus: 't-P',
  so2: 't-SO2',
  nox: 't-NOx',
  cod: 't-COD',
  ammonia: 't-NH3N',
  dust: 't-dust',
  coal: 'tce',
  energy: 'kWh',
  equivalent: 'eq',
  visit: 'visit',
  person: 'person',
  household: 'household',
  tree: 'tree',
  trip: 'trip',
  step: 'step',
  time: 'year',
};

const named = (dim: Dimension, n: number) => {
  const code = BASE_CODE[dim];
  if (dim === 'length' && (n === 2 || n === 3)) return `m${n}`;
  return n === 1 ? code : `${code}^${n}`;
};

/** Dimensions written as a unit in base codes, e.g. `yuan/m3`, or `1` for a pure number. */
export function formatDims(d: Dims): string {
  const entries = Object.entries(d) as Array<[Dimension, number]>;
  const num = entries.filter(([, v]) => v > 0).map(([k, v]) => named(k, v));
  const den = entries.filter(([, v]) => v < 0).map(([k, v]) => named(k, -v));
  if (num.length === 0 && den.length === 0) return '1';
  return `${num.length ? num.join('*') : '1'}${den.length ? `/${den.join('*')}` : ''}`;
}

export function describeDims(d: Dims): string {
  const entries = Object.entries(d) as Array<[Dimension, number]>;
  return entries.length ? entries.map(([k, v]) => (v === 1 ? k : `${k}^${v}`)).join('·') : 'a pure number';
}

/** What a value of dimension `have` must be multiplied by to become `want`, written as a unit. */
export function missingFactor(have: Dims, want: Dims): string {
  return formatDims(combine(want, have, -1));
}

/** The vocabulary for people and editors: every unit, its Chinese name, what it measures. */
export function vocabulary() {
  return {
    units: UNITS.map((u) => ({
      code: u.code,
      zh: u.zh,
      aliases: [...(u.aliases ?? [])],
      dimension: formatDims(u.dims),
      scale: u.scale,
      prefixable: u.prefixable,
      description: u.description,
    })),
    prefixes: PREFIXES.map((p) => ({ ascii: p.ascii, zh: p.zh, scale: p.scale })),
    dimensions: Object.entries(DIMENSIONS).map(([code, base]) => ({ code, base })),
    grammar:
      'a name (code, Chinese name or alias) with an optional 万/亿 (wan-/yi-) prefix; factors joined by *, × or ·; at most one /; powers as ^2 (m² and km² are names). Examples: yuan/t-CO2, mm×km2, 万元/亩, mg/L*m3, wan-kWh',
  };
}
