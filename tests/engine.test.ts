import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/rules/canonical.js';
import { RuleCompileError, RuleEvaluationError } from '../src/rules/engine/errors.js';
import { ScorecardBody } from '../src/rules/kinds/scorecard/body.js';
import { compileScorecard } from '../src/rules/kinds/scorecard/compile.js';
import { referenceScorecard } from './support/scorecard-reference.js';

const ref = { id: 'unit', version: 1, hash: 'sha256:test' };
const card = (over: Partial<Record<string, unknown>> = {}) =>
  ScorecardBody.parse({
    subjectKind: 'resident',
    facts: { acts: { type: 'number' }, fined: { type: 'boolean' }, kg: { type: 'number' } },
    baseScore: 60,
    minScore: 0,
    maxScore: 100,
    items: [
      { id: 'acts', reason: 'sorting', fact: 'acts', perUnit: 0.1 },
      { id: 'fined', reason: 'fine', fact: 'fined', points: -20 },
      { id: 'kg', reason: 'carbon', fact: 'kg', when: { gte: 50, lt: 100 }, points: 5 },
      { id: 'kg-big', reason: 'carbon', formula: 'kg >= 100.0 ? 10.0 : 0.0' },
    ],
    bands: [
      { grade: 'a', label: 'A', min: 80 },
      { grade: 'b', label: 'B', min: 60 },
      { grade: 'c', label: 'C' },
    ],
    ...over,
  });

describe('the compiled scorecard engine', () => {
  it('sums in hundredths, so three acts at 0.1 are exactly 0.3', () => {
    const s = compileScorecard(card(), ref);
    expect(s.evaluate({ acts: 3, fined: false, kg: 0 }).score).toBe(60.3);
  });

  it('tests both bounds of a condition and runs exact formulas', () => {
    const s = compileScorecard(card(), ref);
    expect(s.evaluate({ acts: 0, fined: false, kg: 49.99 }).score).toBe(60);
    expect(s.evaluate({ acts: 0, fined: false, kg: 50 }).score).toBe(65);
    expect(s.evaluate({ acts: 0, fined: false, kg: 100 }).score).toBe(70);
  });

  it('clamps to the score range and picks bands at their inclusive minimum', () => {
    const s = compileScorecard(card(), ref);
    expect(s.evaluate({ acts: 1000, fined: false, kg: 0 })).toMatchObject({ score: 100, grade: 'a' });
    expect(s.evaluate({ acts: 200, fined: false, kg: 0 })).toMatchObject({ score: 80, grade: 'a' });
    expect(s.evaluate({ acts: 199, fined: false, kg: 0 })).toMatchObject({ score: 79.9, grade: 'b' });
    expect(s.evaluate({ acts: 0, fined: true, kg: 0 })).toMatchObject({ score: 40, grade: 'c' });
  });

  it('does not apply a cap to an item that did not fire, even when the cap excludes zero', () => {
    const body = card();
    body.items.push({ id: 'floor', reason: 'at least 2 when it applies', fact: 'acts', when: { gte: 10 }, perUnit: 0.01, cap: { min: 2 } });
    const s = compileScorecard(body, ref);
    const facts = { acts: 0, fined: false, kg: 0 };
    expect(s.evaluate(facts).score).toBe(60);
    expect(s.scoreOnly(facts).score).toBe(60);
    expect(s.evaluate({ ...facts, acts: 10 }).score).toBe(63);
  });

  it('measures every override from the score band: the most severe wins, they do not stack', () => {
    const s = compileScorecard(
      card({
        overrides: [
          { id: 'one-down', reason: 'r', fact: 'fined', effect: { lowerBy: 1 } },
          { id: 'also-one-down', reason: 'r', fact: 'kg', when: { gte: 1 }, effect: { lowerBy: 1 } },
        ],
      }),
      ref,
    );
    const facts = { acts: 450, fined: true, kg: 1 };
    const full = s.evaluate(facts);
    expect(full).toMatchObject({ score: 85, scoreGrade: 'a', grade: 'b' });
    expect(full.trace.filter((t) => t.kind === 'override')).toHaveLength(2);
    expect(s.scoreOnly(facts).bandIndex).toBe(1);
  });

  it('scoreOnly agrees with evaluate', () => {
    const s = compileScorecard(card(), ref);
    for (let i = 0; i < 500; i++) {
      const facts = { acts: (i * 7) % 300, fined: i % 3 === 0, kg: (i * 13) % 150 };
      const full = s.evaluate(facts);
      const fast = s.scoreOnly(facts);
      expect(fast.score).toBe(full.score);
    }
  });

  it('decides every condition, cap, tie and override as the body reads, on random facts', () => {
    const body = ScorecardBody.parse({
      subjectKind: 'firm',
      facts: { n: { type: 'number' }, x: { type: 'number' }, big: { type: 'number' }, yes: { type: 'boolean' }, no: { type: 'boolean' } },
      baseScore: 50,
      minScore: 0,
      maxScore: 100,
      items: [
        { id: 'n-present', reason: 'r', fact: 'n', points: 1.5 },
        { id: 'n-eq', reason: 'r', fact: 'n', when: { eq: 2 }, points: -3 },
        { id: 'n-ne', reason: 'r', fact: 'n', when: { ne: 1 }, points: 0.25 },
        { id: 'n-in', reason: 'r', fact: 'n', when: { in: [1, 3, 5] }, perUnit: -1.5, cap: { min: -6 } },
        { id: 'n-open', reason: 'r', fact: 'n', when: { gt: 1, lt: 4 }, perUnit: 2 },
        { id: 'n-closed', reason: 'r', fact: 'n', when: { gte: 2, lte: 4 }, points: 4 },
        { id: 'x-each', reason: 'r', fact: 'x', when: { gte: -10 }, perUnit: 0.5, cap: { min: -2, max: 3 } },
        { id: 'x-tie', reason: 'r', fact: 'x', perUnit: 0.05 },
        { id: 'big', reason: 'r', fact: 'big', perUnit: 0.001, cap: { max: 20 } },
        { id: 'yes', reason: 'r', fact: 'yes', points: 2 },
        { id: 'yes-false', reason: 'r', fact: 'yes', when: { eq: false }, points: -4 },
        { id: 'no-ne', reason: 'r', fact: 'no', when: { ne: true }, points: -1 },
        { id: 'no-false', reason: 'r', fact: 'no', when: { eq: false, ne: true }, points: 3 },
      ],
      bands: [
        { grade: 'a', label: 'A', min: 60 },
        { grade: 'b', label: 'B', min: 50 },
        { grade: 'c', label: 'C', min: 40 },
        { grade: 'd', label: 'D' },
      ],
      overrides: [
        { id: 'lowest', reason: 'r', fact: 'no', when: { eq: true }, effect: 'lowest' },
        { id: 'down', reason: 'r', fact: 'n', when: { in: [4, 5] }, effect: { lowerBy: 1 } },
        { id: 'down-x', reason: 'r', fact: 'x', when: { lt: -5 }, effect: { lowerBy: 2 } },
      ],
    });
    const s = compileScorecard(body, ref);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 3000; i++) {
      const facts = {
        n: Math.floor(rnd() * 7) - 1,
        // Two decimals, so x × 0.05 often lands on a half hundredth: the tie is rounded away from zero.
        x: Math.round((rnd() * 40 - 20) * 100) / 100,
        big: rnd() < 0.5 ? Math.floor(rnd() * 50_000) : Math.floor(rnd() * 2000),
        yes: rnd() < 0.5,
        no: rnd() < 0.2,
      };
      const want = referenceScorecard(body, facts);
      const got = s.evaluate(facts);
      expect({ facts, score: got.score, grade: got.grade, scoreGrade: got.scoreGrade, trace: got.trace }).toEqual({ facts, ...want });
      expect(s.scoreOnly(facts)).toEqual({ score: want.score, bandIndex: body.bands.findIndex((b) => b.grade === want.grade) });
    }
  });

  it('names the fact that is missing instead of taking it as zero', () => {
    const s = compileScorecard(card(), ref);
    expect(() => s.evaluate({ acts: 1, fined: false })).toThrow(RuleEvaluationError);
    expect(() => s.evaluate({ acts: 1, fined: false })).toThrow(/kg/);
  });

  it('refuses a score that no band holds', () => {
    const s = compileScorecard(card({ bands: [{ grade: 'a', label: 'A', min: 80 }] }), ref);
    expect(() => s.evaluate({ acts: 0, fined: false, kg: 0 })).toThrow(/no band/);
  });

  it('refuses a formula that does not give a number, at compile time', () => {
    const body = card();
    body.items.push({ id: 'bad', reason: 'bad', formula: 'kg > 1.0' });
    expect(() => compileScorecard(body, ref)).toThrow(RuleCompileError);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
    expect(canonicalJson({ a: 1.0, b: 'é' })).toBe(canonicalJson({ b: 'é', a: 1 }));
  });
});
