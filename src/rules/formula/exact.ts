/**
 * Exact rational arithmetic for rule formulas (fraction.js, arbitrary precision on BigInt): reading
 * decimal strings, rounding with a stated mode to a stated step, and writing results back as decimal
 * strings. 1/0.93 stays 100/93 until a line says how to round it.
 */
import { Fraction } from './mathjs-build.js';

export { Fraction };

export const ROUNDING_MODES = ['half-up', 'half-even', 'half-down', 'up', 'down', 'floor', 'ceiling'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const ROUNDING_MODE_TEXT: Record<RoundingMode, string> = {
  'half-up': 'to the nearest step, halves away from zero (四舍五入)',
  'half-even': 'to the nearest step, halves to the even step (银行家舍入)',
  'half-down': 'to the nearest step, halves toward zero',
  up: 'away from zero: each started step counts (进一法)',
  down: 'toward zero: only full steps count (去尾法)',
  floor: 'toward minus infinity',
  ceiling: 'toward plus infinity',
};

/** A decimal string or number as an exact fraction; throws on anything else. */
export function exact(value: string | number | Fraction): Fraction {
  if (value instanceof Fraction) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
    // A double from JSON or YAML stands for its shortest decimal form, not its binary expansion.
    return new Fraction(String(value));
  }
  const text = value.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new RangeError(`'${value}' is not a decimal number`);
  const m = /^([-+]?)(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$/.exec(text) as RegExpExecArray;
  const digits = `${m[2] ?? ''}${m[3] ?? ''}` || '0';
  const shift = (m[4] ? Number(m[4]) : 0) - (m[3] ?? '').length;
  const n = BigInt(`${m[1] === '-' ? '-' : ''}${digits}`);
  return shift >= 0 ? new Fraction(n * 10n ** BigInt(shift)) : new Fraction(n, 10n ** BigInt(-shift));
}

function divFloor(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

/** Rounds to a multiple of `step` (> 0) by the stated mode. */
export function roundTo(value: Fraction, step: Fraction, mode: RoundingMode): Fraction {
  if (step.compare(0) <= 0) throw new RangeError('a rounding step must be more than 0');
  const q = value.div(step);
  const n = q.s * q.n; // fraction.js keeps the sign apart
  const d = q.d;
  const floor = divFloor(n, d);
  const rest = n - floor * d; // 0 <= rest < d
  let k: bigint;
  if (rest === 0n) k = floor;
  else {
    const twice = 2n * rest;
    const towardZero = n < 0n ? floor + 1n : floor;
    const awayFromZero = n < 0n ? floor : floor + 1n;
    switch (mode) {
      case 'floor':
        k = floor;
        break;
      case 'ceiling':
        k = floor + 1n;
        break;
      case 'down':
        k = towardZero;
        break;
      case 'up':
        k = awayFromZero;
        break;
      default: {
        if (twice < d) k = floor;
        else if (twice > d) k = floor + 1n;
        else if (mode === 'half-up') k = awayFromZero;
        else if (mode === 'half-down') k = towardZero;
        else k = floor % 2n === 0n ? floor : floor + 1n;
      }
    }
  }
  return new Fraction(k).mul(step);
}

/** True when the fraction has a finite decimal expansion (its denominator has no prime but 2 and 5). */
export function terminates(f: Fraction): boolean {
  let d = f.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/**
 * The value as a decimal string: exact when it terminates, otherwise rounded half-up to `places`
 * places (a trace shows the fraction beside it). No exponent notation.
 */
export function toDecimal(f: Fraction, places = 20): string {
  const value = terminates(f) ? f : roundTo(f, new Fraction(1, 10n ** BigInt(places)), 'half-up');
  const negative = value.s < 0n && value.n !== 0n;
  let d = value.d;
  let n = value.n;
  let scale = 0;
  while (d !== 1n) {
    // Multiply up until the denominator is 1: it divides a power of ten.
    n *= 10n;
    scale++;
    const g = gcd(n, d);
    n /= g;
    d /= g;
  }
  let digits = n.toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return `${negative ? '-' : ''}${digits}`;
}

/** To a fixed number of places, e.g. money to the fen: toFixed(x, 2). Rounds half-up unless told. */
export function toFixed(f: Fraction, places: number, mode: RoundingMode = 'half-up'): string {
  const rounded = roundTo(f, new Fraction(1, 10n ** BigInt(places)), mode);
  const text = toDecimal(rounded, places);
  if (places === 0) return text;
  const [whole, frac = ''] = text.split('.');
  return `${whole}.${frac.padEnd(places, '0')}`;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}
