/**
 * The expression language for rule files, measured: the Xin'an-style water index
 * P = k0 × Σ w_i × C_i / S_i over four pollutants, evaluated by our compiled exact formula (mathjs parse,
 * fraction.js arithmetic, units checked at compile time), by mathjs in BigNumber mode, by CEL
 * (@marcbachmann/cel-js, doubles), and by a hand-written float function. All must agree at 12 digits
 * before anything is timed; only ours and Fraction are exact (0.80 × 1.25 == 1, and P = 1 decides who pays).
 */
import { Environment } from '@marcbachmann/cel-js';
import { all, create } from 'mathjs';
import { exact, type Fraction } from '../src/rules/formula/exact.js';
import { compileFormula, quantity } from '../src/rules/formula/formula.js';
import { unitOf } from '../src/rules/units/units.js';
import { formatRate, formatRatio, type Measurement, measureSync, printTable, prng } from './measure.js';

const SOURCE = 'k0 * (w1 * c1 / s1 + w2 * c2 / s2 + w3 * c3 / s3 + w4 * c4 / s4)';
const NAMES = ['c1', 'c2', 'c3', 'c4', 's1', 's2', 's3', 's4'] as const;

export async function formulaBenchmark(): Promise<void> {
  console.log('\n== Formulas: the basin index P = k0 × Σ w·C/S (4 pollutants) ==');
  const rnd = prng(20261201);
  const inputs = Array.from({ length: 1000 }, () => {
    const v: Record<string, string> = { k0: '0.85', w1: '0.25', w2: '0.25', w3: '0.25', w4: '0.25' };
    for (const n of NAMES) v[n] = (0.01 + rnd() * 3).toFixed(4);
    return v;
  });
  const mgL = unitOf('mg/L');
  const declared = new Map([
    ...['k0', 'w1', 'w2', 'w3', 'w4'].map((n) => [n, quantity({})] as const),
    ...NAMES.map((n) => [n, quantity(mgL.dims)] as const),
  ]);
  const ours = compileFormula(SOURCE, declared, { pointer: '/index', expect: quantity({}) });
  const oursScopes = inputs.map((v) =>
    Object.fromEntries(Object.entries(v).map(([k, x]) => [k, NAMES.includes(k as never) ? exact(x).mul(mgL.scale) : exact(x)])),
  );
  const big = create(all ?? {}, { number: 'BigNumber', precision: 34 });
  const bigCompiled = big.compile(SOURCE);
  const bigScopes = inputs.map((v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, big.bignumber(x)])));
  const cel = new Environment();
  for (const n of Object.keys(inputs[0] as object)) cel.registerVariable(n, 'double');
  const celRun = cel.parse(SOURCE);
  const floatScopes = inputs.map((v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Number(x)])));
  const hand = (s: Record<string, number>) =>
    (s.k0 as number) *
    (((s.w1 as number) * (s.c1 as number)) / (s.s1 as number) +
      ((s.w2 as number) * (s.c2 as number)) / (s.s2 as number) +
      ((s.w3 as number) * (s.c3 as number)) / (s.s3 as number) +
      ((s.w4 as number) * (s.c4 as number)) / (s.s4 as number));

  for (let i = 0; i < inputs.length; i++) {
    const a = Number((ours.evaluate(oursScopes[i] as Record<string, Fraction>) as Fraction).valueOf());
    const b = Number(bigCompiled.evaluate(bigScopes[i] as object).toString());
    const c = Number(celRun(floatScopes[i] as Record<string, number>));
    const d = hand(floatScopes[i] as Record<string, number>);
    for (const x of [b, c, d])
      if (Math.abs(x - a) > 1e-12 * Math.max(1, Math.abs(a))) throw new Error(`formula engines disagree on input ${i}: ${a} vs ${x}`);
  }
  const n = inputs.length;
  const results: Measurement[] = [
    measureSync('ours: exact fractions, units checked', (i) => ours.evaluate(oursScopes[i % n] as Record<string, Fraction>)),
    measureSync('mathjs BigNumber (34 digits)', (i) => bigCompiled.evaluate(bigScopes[i % n] as object)),
    measureSync('CEL (cel-js, doubles)', (i) => celRun(floatScopes[i % n] as Record<string, number>)),
    measureSync('hand-written, doubles', (i) => hand(floatScopes[i % n] as Record<string, number>)),
  ];
  const baseline = results[3] as Measurement;
  printTable(
    ['engine', 'evaluations/s', 'vs hand-written'],
    results.map((r) => [r.name, formatRate(r.perSecond), formatRatio(r.perSecond / baseline.perSecond)]),
  );
  // A boundary decided on a sum: exactly at the threshold in decimals, just over it in doubles.
  const exactTie = compileFormula('0.1 + 0.2 == 0.3', new Map(), { pointer: '/x' }).evaluate({});
  console.log(`  0.1 + 0.2 == 0.3: ours ${String(exactTie)}, doubles ${String(0.1 + 0.2 === 0.3)} (${0.1 + 0.2})`);
}
