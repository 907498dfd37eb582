/**
 * Exact numbers as BigInt for the hot paths of an allocation: a decimal is an integer over a power of
 * ten, a quotient is an integer numerator over an integer denominator. decimal.js makes an object for
 * every step of every recipient, which at 10 000 recipients costs most of a run; integers do not, and
 * are exact where decimal.js rounds at 40 digits. The texts are written exactly as decimal.js writes
 * them (toString, toFixed, toSignificantDigits with ROUND_HALF_UP), so results read the same.
 */
import { D } from './rounding.js';

/** n / 10^scale. */
export interface Scaled {
  n: bigint;
  scale: number;
}

const POW10: bigint[] = [1n];
export function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push((POW10[i - 1] as bigint) * 10n);
  return POW10[k] as bigint;
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/**
 * A decimal string as an exact scaled integer. Plain decimals (all the API lets through) are read
 * directly; anything else decimal.js accepts (exponents, a leading '+' or '.') is read by decimal.js and
 * written out in full. Null for what is not a finite number.
 */
export function parseScaled(text: string): Scaled | null {
  if (PLAIN.test(text)) return plainScaled(text);
  let d: InstanceType<typeof D>;
  try {
    d = new D(text);
  } catch {
    return null;
  }
  if (!d.isFinite()) return null;
  return plainScaled(d.toFixed());
}

/** A string known to match PLAIN. */
export function plainScaled(text: string): Scaled {
  const dot = text.indexOf('.');
  if (dot < 0) return { n: BigInt(text), scale: 0 };
  return { n: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/** x at a finer scale (scale ≥ x.scale). */
export const at = (x: Scaled, scale: number): bigint => (x.scale === scale ? x.n : x.n * pow10(scale - x.scale));

export function compareScaled(a: Scaled, b: Scaled): number {
  if (b.n === 0n) return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
  const s = Math.max(a.scale, b.scale);
  const x = at(a, s);
  const y = at(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const mulScaled = (a: Scaled, b: Scaled): Scaled => ({ n: a.n * b.n, scale: a.scale + b.scale });

/** Division rounding toward −∞ (BigInt's `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  if (a >= 0n && b > 0n) return q;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** a / b rounded half away from zero (decimal.js's ROUND_HALF_UP), for b > 0. */
export function roundHalfUp(a: bigint, b: bigint): bigint {
  // ⌊m / b + 1/2⌋ = ⌊(2m + b) / 2b⌋: one division.
  if (a >= 0n) return (2n * a + b) / (2n * b);
  return -((-2n * a + b) / (2n * b));
}

function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/** As decimal.js toString: plain within 1e-7 < |x| < 1e21, exponential outside; no trailing zeros. */
function write(negative: boolean, digits: string, exponent: number): string {
  let s: string;
  if (exponent <= -7 || exponent >= 21) {
    s = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exponent < 0 ? '' : '+'}${exponent}`;
  } else if (exponent < 0) {
    s = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  } else if (exponent + 1 >= digits.length) {
    s = digits + '0'.repeat(exponent + 1 - digits.length);
  } else {
    s = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  return negative ? `-${s}` : s;
}

/** A scaled integer as decimal.js's toString writes the same number. */
export function scaledText(x: Scaled): string {
  if (x.n === 0n) return '0';
  const negative = x.n < 0n;
  const all = (negative ? -x.n : x.n).toString();
  const digits = withoutTrailingZeros(all);
  return write(negative, digits, all.length - 1 - x.scale);
}

/** The number of decimal digits of q, for the last q asked: the denominators repeat, recipient after recipient. */
let lastQ = 0n;
let lastQLength = 1;
function lengthOf(q: bigint): number {
  if (q !== lastQ) {
    lastQ = q;
    lastQLength = q.toString().length;
  }
  return lastQLength;
}

/** The number of decimal digits of m > 0, by comparison with powers of ten: writing m out only to count its digits made a string per share. */
function digitCount(m: bigint): number {
  let hi = 16;
  while (m >= pow10(hi)) hi *= 2;
  let lo = 0; // 10^lo <= m < 10^hi
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (m >= pow10(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** 10^k as doubles: exact up to 10^22. */
const POW10_DOUBLE = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Far more than the doubles' error below can reach, far less than any real quotient comes near a half. */
const MARGIN = 1e-3;

/**
 * p / q to sd ≤ 12 significant digits with doubles, when doubles decide it; else null. With |p| and
 * q safe integers, m / q is the exact quotient times (1 + δ₁), and scaling by an exact 10^k times
 * (1 + δ₂), |δ| ≤ 2⁻⁵³: so v is off by less than v · 2.3e-16 < 2.3e-4 for v < 10¹². Half up then
 * only depends on which side of a half v lies, and the answer is taken from doubles only when v is
 * more than MARGIN away from every half and from both ends of [10^(sd−1), 10^sd). A share is
 * written for each factor of each recipient: this spares the BigInt division and its garbage.
 */
function significantByDouble(p: bigint, q: bigint, sd: number): string | null {
  if (sd > 12 || q > SAFE || p > SAFE || p < -SAFE) return null;
  const negative = p < 0n;
  // A share's text only, never an amount: kept only when the bound above proves it is the exact answer.
  const r = Math.abs(Number(p)) / Number(q);
  const e = Math.floor(Math.log10(r));
  const k = sd - 1 - e;
  if (k < -22 || k > 22) return null;
  const v = k >= 0 ? r * (POW10_DOUBLE[k] as number) : r / (POW10_DOUBLE[-k] as number);
  if (v < (POW10_DOUBLE[sd - 1] as number) + MARGIN || v > (POW10_DOUBLE[sd] as number) - MARGIN) return null;
  const whole = Math.floor(v);
  const fraction = v - whole;
  if (Math.abs(fraction - 0.5) < MARGIN) return null;
  const digits = fraction > 0.5 ? whole + 1 : whole;
  if (digits === POW10_DOUBLE[sd]) return write(negative, '1', e + 1);
  return write(negative, withoutTrailingZeros(String(digits)), e);
}

/** p / q (q > 0) rounded half up to `sd` significant digits, as decimal.js's toSignificantDigits(sd).toString(). */
export function significantText(p: bigint, q: bigint, sd: number): string {
  if (p === 0n) return '0';
  const quick = significantByDouble(p, q, sd);
  if (quick !== null) return quick;
  const negative = p < 0n;
  const m = negative ? -p : p;
  // m / q lies in [10^(e0-1), 10^(e0+1)), e0 the difference of the lengths of m and q: so the quotient
  // truncated to sd + 1 - e0 decimals has sd + 1 or sd + 2 digits. Its first sd digits are the answer's,
  // the next one alone decides half up.
  const e0 = digitCount(m) - lengthOf(q);
  const shift = sd + 1 - e0;
  const t = (shift >= 0 ? (m * pow10(shift)) / q : m / (q * pow10(-shift))).toString();
  let e = t.length === sd + 2 ? e0 : e0 - 1;
  let digits = t.slice(0, sd);
  if (t.charCodeAt(sd) >= 53 /* '5' */) {
    const up = (BigInt(digits) + 1n).toString();
    if (up.length > sd) {
      digits = '1';
      e += 1;
    } else digits = up;
  }
  return write(negative, withoutTrailingZeros(digits), e);
}

/** A count of fen as yuan with two decimals. */
export function fenText(fen: bigint): string {
  const negative = fen < 0n;
  const s = (negative ? -fen : fen).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** p / q yuan (q > 0) as decimal.js's toFixed(2): half up, and '-0.00' for a negative amount under half a fen. */
export function yuanText(p: bigint, q: bigint): string {
  const fen = roundHalfUp(p * 100n, q);
  return fen === 0n && p < 0n ? '-0.00' : fenText(fen);
}
