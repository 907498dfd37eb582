/**
 * Scoring a whole district fast: a scorecard and its behaviour list compiled, for one instant, into a
 * plan that draws the scorecard's facts from a compact form of a subject's file. Pure: the rescore
 * (rescore.service.ts) builds the compact form in SQL, one string per subject, and hands it here.
 *
 * The facts are the ones computeCreditScore (credit-score.ts) draws, to the hundredth: events known at
 * the instant and not reversed by then, within their retention, with the list's points cut by its
 * per-period caps, filtered and windowed as each fact says. Only the score and grade come out; the
 * reasons are for getCreditScore. A test draws both from random files and rules and holds them equal.
 *
 * The compact form, per event: its code, a space and the day it occurred (YYYY-MM-DD); then `~` and the
 * day it ended, if it did; then, for codes whose points or facts read the amounts, `|`, the amounts as
 * stored (JSON) and END_OF_AMOUNTS; then `!` if the event is a correction (it cancels an event of the
 * same content). Events are separated by commas, listed by code and then by day, as the covering index
 * holds them.
 */
import { addDays, addYears, windowStart } from '../platform/dates.js';
import { parseEventAmounts } from '../platform/db/json-types.js';
import type { RuleSetRef } from '../rules/engine/ruleset-ref.js';
import type { CompiledCode, ScoringBehaviourList } from '../rules/kinds/behaviour-list/compile.js';
import type { ScorecardBody } from '../rules/kinds/scorecard/body.js';
import { type CompiledScorecard, hundredths } from '../rules/kinds/scorecard/compile.js';
import { factCounts } from './credit-score.js';
import { DecimalSum } from './decimal-sum.js';

export const ENDED_MARK = '~';
export const AMOUNTS_MARK = '|';
/** JSON.stringify escapes every control character, so this one never occurs inside stored amounts. */
export const END_OF_AMOUNTS = '\x1e';
export const CORRECTION_MARK = '!';
export const EVENT_SEPARATOR = ',';

const ENDED = ENDED_MARK.charCodeAt(0);
const AMOUNTS = AMOUNTS_MARK.charCodeAt(0);
const CORRECTION = CORRECTION_MARK.charCodeAt(0);
const SPACE = 32;

const Measure = { Count: 0, Points: 1, Amount: 2 } as const;
type Measure = (typeof Measure)[keyof typeof Measure];

interface FactFeed {
  slot: number;
  /** The day the fact's window starts after (YYYYMMDD), or 0 without a window. */
  after: number;
  measure: Measure;
  amount: string | undefined;
}

interface PlanCode {
  compiled: CompiledCode;
  /** Points in hundredths when fixed; undefined when the list computes them from the amounts. */
  fixedHundredths: number | undefined;
  cap: { per: 'day' | 'month' | 'year'; maxHundredths: number } | undefined;
  /** An event counts while the day its behaviour ended is on or after this one (YYYYMMDD). */
  retainedFrom: number;
  readsAmounts: boolean;
  feeds: FactFeed[];
  /** Points by stored amounts, for codes that compute them: the same amounts recur, the formula is exact and slow. */
  pointsByAmounts: Map<string, number>;
}

export interface ScorePlan {
  ruleSets: { scorecard: RuleSetRef; behaviourList: RuleSetRef; districtPolicy?: RuleSetRef };
  /** What an event of each code on the list does. */
  codes: Map<string, PlanCode>;
  /** Codes whose events carry their amounts in the compact form. */
  amountCodes: Set<string>;
  factNames: string[];
  measures: Measure[];
  scorecard: CompiledScorecard;
  body: ScorecardBody;
}

export interface PlannedScore {
  score: number;
  grade: string;
  /** Events in the file, corrections included. */
  events: number;
}

/** YYYY-MM-DD as the number YYYYMMDD, which orders days the same way. */
export function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** The first day whose behaviour, ended that day, still counts on `asOfDate` after `years` of retention. */
export function retainedFrom(asOfDate: string, years: number): string {
  // addYears never goes backwards as the day moves on, so the days that still count are all those from one on.
  let day = addYears(asOfDate, -years);
  while (addYears(addDays(day, -1), years) > asOfDate) day = addDays(day, -1);
  while (addYears(day, years) <= asOfDate) day = addDays(day, 1);
  return day;
}

export function compileScorePlan(input: {
  list: ScoringBehaviourList;
  scorecard: CompiledScorecard;
  scorecardBody: ScorecardBody;
  asOfDate: string;
}): ScorePlan {
  const { list, scorecardBody: body, asOfDate } = input;
  const factNames: string[] = [];
  const measures: Measure[] = [];
  const declared: Array<{ slot: number; from: NonNullable<ScorecardBody['facts'][string]['from']> }> = [];
  for (const [name, decl] of Object.entries(body.facts)) {
    if (!decl.from) continue;
    const slot = factNames.length;
    factNames.push(name);
    const m = decl.from.measure;
    measures.push(m === 'count' ? Measure.Count : m === 'points' ? Measure.Points : Measure.Amount);
    declared.push({ slot, from: decl.from });
  }
  const amountCodes = new Set<string>();
  const codes = new Map<string, PlanCode>();
  for (const [code, compiled] of list.codes) {
    const feeds: FactFeed[] = declared
      .filter((d) => factCounts(list, d.from, code))
      .map((d) => ({
        slot: d.slot,
        after: d.from.window ? dayNumber(windowStart(asOfDate, d.from.window)) : 0,
        measure: measures[d.slot] as Measure,
        amount: typeof d.from.measure === 'object' ? d.from.measure.amount : undefined,
      }));
    const def = compiled.def;
    const readsAmounts = def.points === undefined || feeds.some((f) => f.measure === Measure.Amount);
    if (readsAmounts) amountCodes.add(code);
    codes.set(code, {
      compiled,
      fixedHundredths: def.points === undefined ? undefined : hundredths(def.points),
      cap: def.cap ? { per: def.cap.per, maxHundredths: hundredths(def.cap.maxPoints) } : undefined,
      retainedFrom: dayNumber(retainedFrom(asOfDate, compiled.retentionYears)),
      readsAmounts,
      feeds,
      pointsByAmounts: new Map(),
    });
  }
  return {
    ruleSets: {
      scorecard: input.scorecard.ruleSet,
      behaviourList: list.ruleSet,
      ...(list.retentionFrom ? { districtPolicy: list.retentionFrom } : {}),
    },
    codes,
    amountCodes,
    factNames,
    measures,
    scorecard: input.scorecard,
    body,
  };
}

/** Reads YYYY-MM-DD at `at` as YYYYMMDD without making a string. */
function dayAt(s: string, at: number): number {
  return (
    (s.charCodeAt(at) - 48) * 10_000_000 +
    (s.charCodeAt(at + 1) - 48) * 1_000_000 +
    (s.charCodeAt(at + 2) - 48) * 100_000 +
    (s.charCodeAt(at + 3) - 48) * 10_000 +
    (s.charCodeAt(at + 5) - 48) * 1000 +
    (s.charCodeAt(at + 6) - 48) * 100 +
    (s.charCodeAt(at + 8) - 48) * 10 +
    (s.charCodeAt(at + 9) - 48)
  );
}

const periodOf = (day: number, per: 'day' | 'month' | 'year') =>
  per === 'day' ? day : per === 'month' ? Math.floor(day / 100) : Math.floor(day / 10_000);

function pointsOf(code: PlanCode, amounts: string | undefined): number {
  if (code.fixedHundredths !== undefined) return code.fixedHundredths;
  const key = amounts ?? '[]';
  let points = code.pointsByAmounts.get(key);
  if (points === undefined) {
    points = hundredths(code.compiled.points(parseEventAmounts(key)));
    if (code.pointsByAmounts.size < 4096) code.pointsByAmounts.set(key, points);
  }
  return points;
}

/**
 * Why a file is not scored here but by computeCreditScore itself: its events are not in the order the
 * plan relies on, or a capped code gives points of both signs in one period, where the order of events
 * within a day would decide how much of the cap each takes.
 */
export class NeedsFullScore extends Error {}

/** The corrections of a compact file, each as the compact form of the event it cancels, with how often. */
function correctionsOf(file: string): Map<string, number> | undefined {
  let found: Map<string, number> | undefined;
  let at = 0;
  while (at < file.length) {
    const start = at;
    at = file.indexOf(' ', at) + 11;
    if (file.charCodeAt(at) === ENDED) at += 11;
    if (file.charCodeAt(at) === AMOUNTS) at = file.indexOf(END_OF_AMOUNTS, at) + 1;
    if (file.charCodeAt(at) === CORRECTION) {
      const token = file.slice(start, at);
      found ??= new Map();
      found.set(token, (found.get(token) ?? 0) + 1);
      at++;
    }
    at++;
  }
  return found;
}

/** The number of events in a compact file, corrections included. */
export function eventsIn(file: string): number {
  let n = 0;
  let at = 0;
  while (at < file.length) {
    at = file.indexOf(' ', at) + 11;
    if (file.charCodeAt(at) === ENDED) at += 11;
    if (file.charCodeAt(at) === AMOUNTS) at = file.indexOf(END_OF_AMOUNTS, at) + 1;
    if (file.charCodeAt(at) === CORRECTION) at++;
    at++;
    n++;
  }
  return n;
}

/** The facts drawn from one subject's compact file, and how many events it lists (corrections included). */
export function factsOf(plan: ScorePlan, file: string): { facts: Record<string, number>; events: number } {
  const n = plan.factNames.length;
  let events = 0;
  const totals: number[] = new Array(n).fill(0);
  const sums: Array<DecimalSum | undefined> = new Array(n);
  // `!` also occurs in no code, day or mark, so a file without it has no correction; a `!` inside some
  // amounts only costs the careful pass.
  const corrections = file.includes(CORRECTION_MARK) ? correctionsOf(file) : undefined;
  let lastCode = '';
  let code: PlanCode | undefined;
  let lastDay = 0;
  let period = -1;
  let used = 0;
  let sign = 0;
  const len = file.length;
  let at = 0;
  while (at < len) {
    const start = at;
    events++;
    // Events of one code follow each other: compare the code in place, and cut a new one only when it changes.
    let space = at + lastCode.length;
    const same = lastCode !== '' && file.charCodeAt(space) === SPACE && file.startsWith(lastCode, at);
    if (!same) space = file.indexOf(' ', at);
    const occurred = dayAt(file, space + 1);
    at = space + 11;
    let ended = occurred;
    if (file.charCodeAt(at) === ENDED) {
      ended = dayAt(file, at + 1);
      at += 11;
    }
    let amounts: string | undefined;
    if (file.charCodeAt(at) === AMOUNTS) {
      const end = file.indexOf(END_OF_AMOUNTS, at);
      amounts = file.slice(at + 1, end);
      at = end + 1;
    }
    const correction = file.charCodeAt(at) === CORRECTION;
    if (correction) at++;
    at++; // the separator
    if (!same) {
      const name = file.slice(start, space);
      if (name < lastCode) throw new NeedsFullScore('events out of order');
      lastCode = name;
      code = plan.codes.get(name);
      period = -1;
    } else if (occurred < lastDay) throw new NeedsFullScore('events out of order');
    lastDay = occurred;
    if (correction) continue;
    if (corrections) {
      const token = file.slice(start, at - 1);
      const left = corrections.get(token);
      if (left) {
        corrections.set(token, left - 1);
        continue;
      }
    }
    if (!code || ended < code.retainedFrom) continue;
    let points = 0;
    let pointsKnown = false;
    const cap = code.cap;
    if (cap) {
      points = pointsOf(code, amounts);
      pointsKnown = true;
      const p = periodOf(occurred, cap.per);
      if (p !== period) {
        period = p;
        used = 0;
        sign = 0;
      }
      const s = Math.sign(points);
      if (s !== 0) {
        if (sign !== 0 && s !== sign) throw new NeedsFullScore('a capped code gives points of both signs in one period');
        sign = s;
      }
      const magnitude = Math.min(Math.abs(points), Math.max(0, cap.maxHundredths - used));
      used += magnitude;
      points = s * magnitude;
    }
    for (const feed of code.feeds) {
      if (occurred <= feed.after) continue;
      if (feed.measure === Measure.Count) totals[feed.slot] = (totals[feed.slot] as number) + 1;
      else if (feed.measure === Measure.Points) {
        if (!pointsKnown) {
          points = pointsOf(code, amounts);
          pointsKnown = true;
        }
        totals[feed.slot] = (totals[feed.slot] as number) + points;
      } else {
        const value = parseEventAmounts(amounts ?? '[]').find((a) => a.name === feed.amount)?.value;
        if (value !== undefined) {
          let sum = sums[feed.slot];
          if (!sum) {
            sum = new DecimalSum();
            sums[feed.slot] = sum;
          }
          sum.add(value);
        }
      }
    }
  }
  // A correction whose event is not in the file (another content than the event it cancels) cannot be
  // taken out here: the full score finds its event by id.
  if (corrections) for (const left of corrections.values()) if (left > 0) throw new NeedsFullScore('a correction matches no event of the file');
  const facts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const m = plan.measures[i];
    facts[plan.factNames[i] as string] =
      m === Measure.Count ? (totals[i] as number) : m === Measure.Points ? (totals[i] as number) / 100 : (sums[i]?.value() ?? 0);
  }
  return { facts, events };
}

/** The score and grade of one subject's compact file. */
export function scoreOf(plan: ScorePlan, file: string): PlannedScore {
  const { facts, events } = factsOf(plan, file);
  const { score, bandIndex } = plan.scorecard.scoreOnly(facts);
  return { score, grade: (plan.body.bands[bandIndex] as ScorecardBody['bands'][number]).grade, events };
}
