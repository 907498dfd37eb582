/**
 * A district rescore scores each subject from a compact form of its file that SQL writes
 * (src/credit/score-plan.ts); a bank's report scores it from the full file (credit-score.ts). For random
 * behaviour lists (fixed and formula points, caps per day, month and year, retention periods), random
 * scorecards (counts, points and amounts, windows, filters) and random files (late records, corrections,
 * ended behaviours, future records), both give the same score and grade, or the compact form says it
 * cannot and the full score is used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCreditScore, type FileEvent } from '../src/credit/credit-score.js';
import { compileScorePlan, NeedsFullScore, scoreOf } from '../src/credit/score-plan.js';
import { chinaDate } from '../src/platform/clock.js';
import { addDays } from '../src/platform/dates.js';
import { BehaviourListBody } from '../src/rules/kinds/behaviour-list/body.js';
import { compileBehaviourList, withRetentionDefaults } from '../src/rules/kinds/behaviour-list/compile.js';
import { ScorecardBody } from '../src/rules/kinds/scorecard/body.js';
import { compileScorecard } from '../src/rules/kinds/scorecard/compile.js';

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

const CODES = ['AIR-CHECK', 'TREE-DAY', 'WATER-2', 'X-DUMP'] as const;
const ref = (id: string) => ({ id, version: 1, hash: `sha256:${id}` });

const codeDef = fc.record({
  negative: fc.boolean(),
  points: fc.oneof(fc.constantFrom(1, 2, 0.5, 0.25, 3, 0.1, 0.3), fc.constant('formula' as const), fc.constant('mixed' as const), fc.constant(0)),
  cap: fc.option(fc.record({ per: fc.constantFrom('day', 'month', 'year'), maxPoints: fc.constantFrom(1, 2.5, 4, 10, 0.3) }), { nil: undefined }),
  retentionYears: fc.option(fc.constantFrom(0.25, 0.5, 1, 2, 3), { nil: undefined }),
  severity: fc.option(fc.constantFrom('major', 'general'), { nil: undefined }),
});

const factDef = fc.record({
  measure: fc.constantFrom('count', 'points', 'amount'),
  window: fc.option(
    fc.oneof(
      fc.record({ days: fc.constantFrom(30, 90, 400) }),
      fc.record({ months: fc.constantFrom(1, 3, 12) }),
      fc.record({ years: fc.constantFrom(1, 3) }),
    ),
    {
      nil: undefined,
    },
  ),
  filter: fc.constantFrom('none', 'codes', 'positive', 'negative', 'major'),
  codes: fc.subarray([...CODES], { minLength: 1 }),
});

const rules = fc.record({ codes: fc.tuple(codeDef, codeDef, codeDef, codeDef), facts: fc.array(factDef, { minLength: 1, maxLength: 3 }) });

const eventDef = fc.record({
  code: fc.constantFrom(...CODES, 'OFF-LIST'),
  // Days before the instant, often right at the edge of a window or a retention period.
  daysBefore: fc.oneof(
    fc.integer({ min: -5, max: 1500 }),
    fc.constantFrom(30, 31, 90, 91, 92, 93, 181, 182, 183, 364, 365, 366, 399, 400, 401, 729, 730, 731, 1094, 1095, 1096, 1097),
  ),
  lastsDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  recordedLate: fc.integer({ min: -1, max: 3 }),
  trees: fc.constantFrom('1', '2', '3', '7', '0.5', '12.25', '1000000.125'),
  reversed: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
  sameDayTwin: fc.boolean(),
});

const AS_OF = new Date('2026-06-15T04:00:00Z');
const asOfDate = chinaDate(AS_OF);

function compile(r: Of<typeof rules>) {
  // The list states its own retention, so the district policy's defaults never decide here.
  const list = withRetentionDefaults(
    compileBehaviourList(
      BehaviourListBody.parse({
        subjectKind: 'resident',
        retention: { negativeYears: 3, positiveYears: 1 },
        codes: CODES.map((code, i) => {
          const c = r.codes[i] as Of<typeof codeDef>;
          const sign = c.negative ? -1 : 1;
          const points =
            c.points === 'formula'
              ? { formula: c.negative ? '-(trees * 0.5 / tree)' : 'trees * 0.5 / tree' }
              : c.points === 'mixed'
                ? { formula: c.negative ? '3 - trees / tree' : 'trees / tree - 3' }
                : { points: sign * c.points };
          return {
            code,
            title: code,
            polarity: c.negative ? 'negative' : 'positive',
            ...points,
            amounts: { trees: { unit: 'tree' } },
            recorders: ['村委会'],
            ...(c.cap ? { cap: c.cap } : {}),
            ...(c.retentionYears ? { retentionYears: c.retentionYears } : {}),
            ...(c.severity ? { severity: c.severity } : {}),
          };
        }),
      }),
      ref('list'),
    ),
    { negativeYears: 5, positiveYears: 1 },
    ref('policy'),
  );
  const facts = Object.fromEntries(
    r.facts.map((f, i) => [
      `f${i}`,
      {
        type: 'number',
        ...(f.measure === 'amount' ? { unit: 'tree' } : {}),
        from: {
          measure: f.measure === 'amount' ? { amount: 'trees' } : f.measure,
          ...(f.window ? { window: f.window } : {}),
          ...(f.filter === 'codes' ? { codes: f.codes } : f.filter === 'positive' || f.filter === 'negative' ? { polarity: f.filter } : {}),
          ...(f.filter === 'major' ? { severity: 'major' } : {}),
        },
      },
    ]),
  );
  const body = ScorecardBody.parse({
    subjectKind: 'resident',
    behaviourList: 'list',
    primary: true,
    facts,
    baseScore: 50,
    items: r.facts.map((_, i) => ({ id: `i${i}`, reason: `fact ${i}`, fact: `f${i}`, perUnit: 1 })),
    bands: [
      { grade: 'a', label: 'A', min: 60 },
      { grade: 'b', label: 'B', min: 50 },
      { grade: 'c', label: 'C' },
    ],
  });
  return { list, body, scorecard: compileScorecard(body, ref('card')) };
}

/** The file as SQL writes it (rescore.service.ts): known events, in the covering index's order. */
function compactFile(events: FileEvent[], amountCodes: Set<string>): string {
  const asOfIso = AS_OF.toISOString();
  const nullsFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return events
    .filter((e) => e.recordedAt <= asOfIso && e.occurredOn <= asOfDate)
    .sort(
      (a, b) =>
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
        (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0) ||
        nullsFirst(a.endedOn, b.endedOn) ||
        (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0) ||
        nullsFirst(a.reversesEventId, b.reversesEventId) ||
        a.seq - b.seq,
    )
    .map(
      (e) =>
        `${e.code} ${e.occurredOn}${e.endedOn ? `~${e.endedOn}` : ''}${amountCodes.has(e.code) ? `|${JSON.stringify(e.amounts)}\x1e` : ''}${e.reversesEventId ? '!' : ''}`,
    )
    .join(',');
}

function fileOf(drawn: Array<Of<typeof eventDef>>): FileEvent[] {
  const events: FileEvent[] = [];
  let seq = 0;
  const add = (e: Omit<FileEvent, 'seq'>) => events.push({ ...e, seq: ++seq });
  for (const d of drawn) {
    const occurredOn = addDays(asOfDate, -d.daysBefore);
    const base = {
      code: d.code,
      occurredOn,
      endedOn: d.lastsDays === undefined ? null : addDays(occurredOn, d.lastsDays),
      recordedAt: new Date(Date.parse(`${occurredOn}T02:00:00Z`) + d.recordedLate * 86_400_000 * 30).toISOString(),
      amounts: [{ name: 'trees', value: d.trees, unit: 'tree' }],
      reversesEventId: null,
    };
    const id = `evt_${seq + 1}`;
    add({ id, ...base });
    if (d.sameDayTwin) add({ id: `evt_${seq + 1}`, ...base });
    if (d.reversed !== undefined) {
      add({
        ...base,
        id: `evt_${seq + 1}`,
        recordedAt: new Date(Date.parse(base.recordedAt) + d.reversed * 86_400_000 * 60).toISOString(),
        reversesEventId: id,
      });
    }
  }
  return events;
}

describe('a district rescore and a single score agree', () => {
  it('on every file, for every shape of rules', () => {
    let compared = 0;
    let handedOver = 0;
    fc.assert(
      fc.property(rules, fc.array(eventDef, { maxLength: 40 }), (r, drawn) => {
        const { list, body, scorecard } = compile(r);
        const plan = compileScorePlan({ list, scorecard, scorecardBody: body, asOfDate });
        const events = fileOf(drawn);
        const full = computeCreditScore({ events, objections: [], list, scorecard, scorecardBody: body, asOf: AS_OF, asOfDate });
        let fast: ReturnType<typeof scoreOf>;
        try {
          fast = scoreOf(plan, compactFile(events, plan.amountCodes));
        } catch (error) {
          if (!(error instanceof NeedsFullScore)) throw error;
          handedOver++;
          return;
        }
        compared++;
        expect({ score: fast.score, grade: fast.grade }).toEqual({ score: full.score, grade: full.grade });
        expect(fast.events).toBe(events.filter((e) => e.recordedAt <= AS_OF.toISOString() && e.occurredOn <= asOfDate).length);
      }),
      { numRuns: 1500 },
    );
    // Most files are scored from the compact form; the full score takes only the rare ones.
    expect(compared).toBeGreaterThan(handedOver * 3);
  });
});
