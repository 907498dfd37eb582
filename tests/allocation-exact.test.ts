/**
 * The split engine computes in exact integers; a bureau must see exactly the texts the decimal.js
 * engine gave: every amount, share, exact value, step and note, the order and the refusals. Random
 * funds with fen, weights and inputs with many digits, binding floors, hold-harmless, caps,
 * deductions, per-member inputs, derived lines, top-ups and coarse rounding units, against the
 * decimal.js split kept as the reference.
 */
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeOf, fenOf, totalOf } from '../src/compensation/changes.js';
import { toFixed } from '../src/rules/formula/exact.js';
import { allocate } from '../src/rules/kinds/allocation/allocate.js';
import { type CompiledAllocation, compileAllocation } from '../src/rules/kinds/allocation/compile.js';
import type { AllocationInput } from '../src/rules/kinds/allocation/model.js';
import { TIE_BREAK } from '../src/rules/kinds/allocation/rounding.js';
import { fenText, significantText } from '../src/rules/kinds/allocation/scaled.js';
import { parseRuleFile } from '../src/rules/rule-file.js';
import { referenceSplit } from './support/split-reference.js';

async function compiled(source: string): Promise<CompiledAllocation> {
  const parsed = await parseRuleFile(source, 'rule.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const doc = parsed.ruleSet.document;
  if (doc.kind !== 'allocation') throw new Error(doc.kind);
  return compileAllocation(doc.body, { id: doc.id, version: doc.version, hash: parsed.ruleSet.hash });
}

const ruleFile = (body: string) =>
  `id: exact-split\nkind: allocation\nversion: 1\ndistrict: default\neffectiveFrom: 2026-01-01\ntitle: 测试\nbody:\n${body}`;

/** Deductions redirected to two towns, a per-member input, a cap by amount and by share, hold-harmless. */
const DEDUCTIONS = ruleFile(`  scheme: split
  parameters:
    floor_amount: { value: '1000.00' }
    cap_amount: { value: '900000.5' }
  inputs:
    a: { }
    b: { perMember: true }
    members: { }
    c: { optional: true }
    last: { optional: true }
  split:
    factors:
      - { input: a, weight: '0.3333333' }
      - { input: b, weight: '0.6666667' }
    floor:
      amount: { param: floor_amount }
      holdHarmless: { input: last, ratio: '0.85' }
    cap: { amount: { param: cap_amount }, share: '0.45' }
    deductions:
      - { name: low-c, input: c, below: '10', share: '0.25', redirectTo: [{ recipient: r0, ratio: '1' }, { recipient: r1, ratio: '2' }] }
`);
/** Rounded to 0.01 万元 (100 yuan). */
const WAN = ruleFile(`  scheme: split
  rounding: { step: '0.01', unit: 万元 }
  inputs:
    a: { }
    b: { }
  split:
    factors:
      - { input: a, weight: '0.123456789' }
      - { input: b, weight: '0.876543211' }
`);
/** A derived line as the only factor, rounded to the yuan, floors topped up from another fund. */
const DERIVED = ruleFile(`  scheme: split
  rounding: { step: '1', unit: yuan }
  parameters:
    floor_amount: { value: '300' }
  inputs:
    a: { }
  derive:
    - { name: a2, formula: 'a * 3 / 7' }
  split:
    factors:
      - { input: a2, weight: '1' }
    floor:
      amount: { param: floor_amount }
      topUpFrom: { source: extra, title: 额外资金 }
`);

/** A decimal with up to `digits` integer digits and up to `places` decimals, as a bureau might type it. */
const decimal = (digits: number, places: number, negative = false) =>
  fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** BigInt(digits) }),
      fc.integer({ min: 0, max: places }),
      fc.bigInt({ min: 0n, max: 10n ** BigInt(places) - 1n }),
      fc.boolean(),
    )
    .map(([whole, k, frac, minus]) => {
      const f = k === 0 ? '' : `.${frac.toString().padStart(places, '0').slice(0, k)}`;
      return `${negative && minus ? '-' : ''}${whole}${f}`;
    });
const fund = fc.bigInt({ min: 1n, max: 10n ** 12n }).map((fen) => `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`);

/** Both engines' answer, or both refusals, as the text a caller would see. */
function both(rules: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const text = (f: () => unknown) => {
    try {
      return JSON.stringify(f());
    } catch (error) {
      return `refused: ${(error as { pointer?: string }).pointer} ${(error as Error).message}`;
    }
  };
  // What allocate() puts around the scheme's part, written out here so that the reference does not call it.
  const resolved = Object.fromEntries(
    Object.entries(rules.body.parameters).map(([name, p]) => [name, new Decimal(parameters[name] ?? p.value).toString()]),
  );
  const rounding = { unit: toFixed(rules.step, 2), text: rules.stepText, method: 'largest-remainder', tieBreak: TIE_BREAK };
  return {
    exact: text(() => allocate(rules, { ...input, parameters })),
    reference: text(() => ({
      scheme: 'split',
      period: input.period,
      parameters: resolved,
      rounding,
      ruleSet: rules.ruleSet,
      ...referenceSplit(rules, input, resolved),
    })),
  };
}

describe('a bureau splits a fund exactly as the decimal engine did', () => {
  it('the town fund: floors, hold-harmless and the cap bind, weights and areas with many digits', async () => {
    const rules = await compiled(readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8'));
    const town = fc.record({
      gep: decimal(10, 3),
      redline_area: decimal(4, 4),
      forest_area: decimal(4, 2),
      assessment: fc.integer({ min: 0, max: 100 }).map(String),
      last_year: fc.option(decimal(7, 2), { nil: undefined }),
    });
    let allocated = 0;
    await fc.assert(
      fc.property(fund, fc.array(town, { minLength: 1, maxLength: 40 }), decimal(6, 2), (money, rows, floor) => {
        const recipients = rows.map((values, i) => ({
          id: `town-${(rows.length - i) % 7}-${i}`,
          values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>,
        }));
        const { exact, reference } = both(rules, { period: '2026', fund: money, recipients }, { floor_amount: floor });
        expect(exact).toBe(reference);
        if (!exact.startsWith('refused')) allocated += 1;
      }),
      { numRuns: 150, seed: 20261202 },
    );
    expect(allocated).toBeGreaterThan(40);
  }, 60_000);

  it('deductions, per-member inputs, 0.01 万元, derived lines and top-ups, negative inputs among them', async () => {
    const [deductions, wan, derived] = await Promise.all([compiled(DEDUCTIONS), compiled(WAN), compiled(DERIVED)]);
    const row = fc.record({
      a: decimal(8, 6, true),
      b: decimal(3, 3),
      members: fc.integer({ min: 1, max: 9 }).map(String),
      c: fc.option(decimal(2, 1), { nil: undefined }),
      last: fc.option(decimal(5, 2), { nil: undefined }),
    });
    let allocated = 0;
    await fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 30 }), fund, fc.bigInt({ min: 1n, max: 10n ** 8n }), (rows, money, extra) => {
        const recipients = rows.map((values, i) => ({
          id: `r${i}`,
          values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>,
        }));
        const positive = recipients.map((r) => ({ id: r.id, values: { a: (r.values.a as string).replace('-', ''), b: r.values.b as string } }));
        const cases = [
          both(deductions, { period: 'p', fund: money, recipients }, { floor_amount: '1000', cap_amount: '900000.5' }),
          both(wan, { period: 'p', fund: `${extra}00.00`, recipients: positive }, {}),
          both(derived, { period: 'p', fund: String(extra), recipients: positive, sources: { extra: String(extra / 3n) } }, { floor_amount: '300' }),
        ];
        for (const { exact, reference } of cases) {
          expect(exact).toBe(reference);
          if (!exact.startsWith('refused')) allocated += 1;
        }
      }),
      { numRuns: 80, seed: 20261203 },
    );
    expect(allocated).toBeGreaterThan(80);
  }, 60_000);
});

describe('a bureau diffs two allocations', () => {
  it('each change and its percentage, and the total, are what decimal.js gave, gains and losses, from and to zero', () => {
    const amount = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((fen) => fenText(fen));
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, fc.oneof(amount, fc.constant('0.00'))), { minLength: 1, maxLength: 20 }), (pairs) => {
        const changes = pairs.map(([a, b]) => {
          const [x, y] = [new Decimal(a), new Decimal(b)];
          const want = {
            change: y.minus(x).toFixed(2),
            changePercent: x.isZero() ? null : y.minus(x).div(x).mul(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
          };
          expect(changeOf(fenOf(a), fenOf(b))).toEqual(want);
          return want;
        });
        expect(totalOf(changes)).toBe(changes.reduce((s, c) => s.plus(c.change), new Decimal(0)).toFixed(2));
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});

describe('a bureau reads each share to twelve significant digits', () => {
  const reference = (p: bigint, q: bigint, sd: number) =>
    new Decimal(p.toString()).div(q.toString()).toSignificantDigits(sd, Decimal.ROUND_HALF_UP).toString();

  it('as decimal.js writes it, for any numerator and denominator, small or past what a double holds', () => {
    const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
    const safe = fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n });
    const denominator = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 53n }), fc.bigInt({ min: 1n, max: 10n ** 30n }));
    fc.assert(
      fc.property(fc.oneof(safe, big), denominator, fc.constantFrom(12, 20), (p, q, sd) => {
        expect(significantText(p, q, sd)).toBe(reference(p, q, sd));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('on the cases a double could get wrong: exact halves, a hair either side, powers of ten and nines', () => {
    // p / q = (d + 1/2 + h / 10^6) × 10^e: a half, or within a millionth of one, at the twelfth digit.
    const near = fc
      .record({
        digits: fc.bigInt({ min: 10n ** 11n, max: 10n ** 12n - 1n }),
        hair: fc.integer({ min: -3, max: 3 }),
        shift: fc.integer({ min: -8, max: 3 }),
        q: fc.bigInt({ min: 1n, max: 10n ** 4n }),
        negative: fc.boolean(),
      })
      .map(({ digits, hair, shift, q, negative }) => {
        // (2·digits + 1) / 2 + hair / 10^6, over 10^(−shift), as a fraction with denominator 2·10^6·q·10^…
        const den = 2n * 10n ** 6n * q * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
        const num = ((2n * digits + 1n) * 10n ** 6n + 2n * BigInt(hair)) * q * (shift > 0 ? 10n ** BigInt(shift) : 1n);
        return { p: negative ? -num : num, q: den };
      });
    const edges = fc.constantFrom(
      { p: 1n, q: 10n },
      { p: 1n, q: 1n },
      { p: 10n ** 12n - 1n, q: 10n ** 12n },
      { p: 999_999_999_999_5n, q: 10n },
      { p: -999_999_999_999_5n, q: 10n ** 13n },
      { p: 2n ** 53n - 1n, q: 2n ** 53n },
      { p: 1n, q: 3n },
      { p: 2n, q: 3n },
    );
    fc.assert(
      fc.property(fc.oneof(near, edges), ({ p, q }) => {
        expect(significantText(p, q, 12)).toBe(reference(p, q, 12));
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });
});
