import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/rules/canonical.js';
import { RuleCompileError, RuleEvaluationError } from '../src/rules/engine/errors.js';
import { compileScorecard } from '../src/rules/engine/scorecard.js';
import { ScorecardBody } from '../src/rules/kinds/scorecard.js';

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

  it('tests both bounds of a condition and runs CEL formulas', () => {
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

  it('scoreOnly agrees with evaluate', () => {
    const s = compileScorecard(card(), ref);
    for (let i = 0; i < 500; i++) {
      const facts = { acts: (i * 7) % 300, fined: i % 3 === 0, kg: (i * 13) % 150 };
      const full = s.evaluate(facts);
      const fast = s.scoreOnly(facts);
      expect(fast.score).toBe(full.score);
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
