/**
 * A subject's credit score as of a moment, from its credit file and the rules in force then.
 * Pure: the caller loads the events, objections and rule sets; nothing here touches storage or HTTP.
 *
 * Steps: keep the events known at `asOf` and not reversed by then; drop those past their retention
 * (and say when they stopped counting); give each the behaviour list's points, within the per-period
 * caps; draw the scorecard's facts from them; evaluate the scorecard; explain each item by its events.
 * Points are counted in whole hundredths and amounts summed exactly, so that a fact does not depend on
 * the order of the events: a district rescore (rescore.service.ts) draws the same facts from the
 * same events in another order, and gives the same grade.
 */

import { addYears, periodKey, windowStart } from '../platform/dates.js';
import type { CreditList, ObjectionStatus } from '../platform/vocabulary.js';
import type { RuleSetRef } from '../rules/engine/ruleset-ref.js';
import type { EventAmount, ScoringBehaviourList } from '../rules/kinds/behaviour-list/compile.js';
import type { FactSource, ScorecardBody } from '../rules/kinds/scorecard/body.js';
import { type CompiledScorecard, hundredths, type ScorecardResult } from '../rules/kinds/scorecard/compile.js';
import { DecimalSum } from './decimal-sum.js';

export interface FileEvent {
  id: string;
  seq: number;
  code: string;
  occurredOn: string;
  endedOn: string | null;
  recordedAt: string;
  amounts: EventAmount[];
  reversesEventId: string | null;
}

export interface FileObjection {
  id: string;
  eventId: string;
  statement: string;
  filedAt: string;
  dueOn: string;
  status: ObjectionStatus;
  resolvedAt: string | null;
  resolution: string | null;
}

/**
 * The subject's statement (异议声明) on a record: while its objection is open, and after it was
 * rejected, for as long as the record counts. An upheld objection reverses the record instead.
 */
export interface SubjectStatement {
  objectionId: string;
  statement: string;
  filedAt: string;
  /** As of the score's moment: still open, or rejected with the answer given. */
  status: 'open' | 'rejected';
  dueOn: string;
  resolution: string | null;
  resolvedAt: string | null;
}

export interface CountedEvent {
  eventId: string;
  code: string;
  title: string;
  occurredOn: string;
  endedOn: string | null;
  points: number;
  /** Present when a per-period cap cut the event's points. */
  uncappedPoints?: number;
  stopsCountingOn: string;
  disputed: boolean;
  /** The subject's statements on this record, oldest first; present only when there are any. */
  statements?: SubjectStatement[];
}

export interface ScoreItem {
  id: string;
  reason: string;
  points: number;
  uncapped?: number;
  fact?: string;
  value?: number | boolean | string;
  events: CountedEvent[];
}

export interface CreditScore {
  asOf: string;
  /** Whether this is the district's primary scorecard for the subject's kind. */
  primary: boolean;
  /** The scorecard's starting score, before its items (the score may then be held within its minimum and maximum). */
  baseScore: number;
  score: number;
  grade: string;
  gradeLabel: string;
  scoreGrade: string;
  items: ScoreItem[];
  overrides: Array<{ id: string; reason: string; grade: string; events: CountedEvent[] }>;
  /** Events that no longer count because their retention ended, with the day it ended. */
  stoppedCounting: Array<{ eventId: string; code: string; title: string; occurredOn: string; endedOn: string | null; stoppedCountingOn: string }>;
  lists: Array<{ list: CreditList; eventId: string; code: string; title: string; until: string }>;
  disputed: Array<{ eventId: string; objectionId: string; statement: string; dueOn: string }>;
  /** Every statement attached to a record that counts, open or rejected. */
  statements: Array<SubjectStatement & { eventId: string }>;
  /** `districtPolicy` is present when the behaviour list left a retention to the district policy. */
  ruleSets: { scorecard: RuleSetRef; behaviourList: RuleSetRef; districtPolicy?: RuleSetRef };
}

export interface ScoreInput {
  events: readonly FileEvent[];
  objections: readonly FileObjection[];
  list: ScoringBehaviourList;
  scorecard: CompiledScorecard;
  scorecardBody: ScorecardBody;
  /** The instant of knowledge: events and objections recorded after it are ignored. */
  asOf: Date;
  /** The China calendar date of `asOf`: windows and retention are counted in days. */
  asOfDate: string;
  /** Whether this is the district's primary scorecard for the subject's kind. */
  primary?: boolean | undefined;
}

/** Whether events of `code` feed a fact drawn `from` the list: its codes, polarity and severity. */
export function factCounts(list: ScoringBehaviourList, from: FactSource, code: string): boolean {
  const def = list.codes.get(code)?.def;
  if (!def) return false;
  if (from.codes && !from.codes.includes(code)) return false;
  if (from.polarity && def.polarity !== from.polarity) return false;
  if (from.severity && def.severity !== from.severity) return false;
  return true;
}

export function computeCreditScore(input: ScoreInput): CreditScore {
  const { list, asOfDate } = input;
  const asOfIso = input.asOf.toISOString();
  const known = input.events.filter((e) => e.recordedAt <= asOfIso && e.occurredOn <= asOfDate);
  const reversed = new Set(known.filter((e) => e.reversesEventId).map((e) => e.reversesEventId as string));
  const openObjections = input.objections.filter((o) => o.filedAt <= asOfIso && (o.resolvedAt === null || o.resolvedAt > asOfIso));
  const disputedIds = new Set(openObjections.map((o) => o.eventId));
  const statementsByEvent = new Map<string, SubjectStatement[]>();
  for (const o of [...input.objections].sort((a, b) => (a.filedAt < b.filedAt ? -1 : a.filedAt > b.filedAt ? 1 : 0))) {
    if (o.filedAt > asOfIso) continue;
    const open = o.resolvedAt === null || o.resolvedAt > asOfIso;
    if (!open && o.status !== 'rejected') continue;
    const kept: SubjectStatement = {
      objectionId: o.id,
      statement: o.statement,
      filedAt: o.filedAt,
      status: open ? 'open' : 'rejected',
      dueOn: o.dueOn,
      resolution: open ? null : o.resolution,
      resolvedAt: open ? null : o.resolvedAt,
    };
    statementsByEvent.set(o.eventId, [...(statementsByEvent.get(o.eventId) ?? []), kept]);
  }

  const live = known
    .filter((e) => !e.reversesEventId && !reversed.has(e.id))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.seq - b.seq));

  const counted: CountedEvent[] = [];
  // Each counted event's points in whole hundredths, so that caps and sums are exact.
  const countedHundredths: number[] = [];
  const stoppedCounting: CreditScore['stoppedCounting'] = [];
  const lists: CreditScore['lists'] = [];
  const capUsed = new Map<string, number>();
  for (const e of live) {
    const code = list.codes.get(e.code);
    // An event whose code left the list no longer scores; it stays in the file.
    if (!code) continue;
    const behaviourEnd = e.endedOn ?? e.occurredOn;
    const stopsCountingOn = addYears(behaviourEnd, code.retentionYears);
    if (asOfDate >= stopsCountingOn) {
      stoppedCounting.push({
        eventId: e.id,
        code: e.code,
        title: code.def.title,
        occurredOn: e.occurredOn,
        endedOn: e.endedOn,
        stoppedCountingOn: stopsCountingOn,
      });
      continue;
    }
    if (code.def.list) {
      const until = addYears(behaviourEnd, code.def.list.years);
      if (asOfDate < until) lists.push({ list: code.def.list.name, eventId: e.id, code: e.code, title: code.def.title, until });
    }
    const uncappedH = hundredths(code.points(e.amounts));
    let pointsH = uncappedH;
    if (code.def.cap) {
      const key = `${e.code}|${periodKey(e.occurredOn, code.def.cap.per)}`;
      const used = capUsed.get(key) ?? 0;
      const room = Math.max(0, hundredths(code.def.cap.maxPoints) - used);
      const magnitude = Math.min(Math.abs(pointsH), room);
      pointsH = Math.sign(pointsH) * magnitude;
      capUsed.set(key, used + magnitude);
    }
    const points = pointsH / 100;
    const uncapped = uncappedH / 100;
    countedHundredths.push(pointsH);
    counted.push({
      eventId: e.id,
      code: e.code,
      title: code.def.title,
      occurredOn: e.occurredOn,
      endedOn: e.endedOn,
      points,
      ...(points !== uncapped ? { uncappedPoints: uncapped } : {}),
      stopsCountingOn,
      disputed: disputedIds.has(e.id),
      ...(statementsByEvent.has(e.id) ? { statements: statementsByEvent.get(e.id) } : {}),
    });
  }

  const facts: Record<string, number | boolean> = {};
  const factEvents = new Map<string, CountedEvent[]>();
  for (const [name, decl] of Object.entries(input.scorecardBody.facts)) {
    const from = decl.from;
    if (!from) continue;
    const start = from.window ? windowStart(asOfDate, from.window) : undefined;
    const indexes = counted.flatMap((c, i) => (factCounts(list, from, c.code) && (start === undefined || c.occurredOn > start) ? [i] : []));
    const matching = indexes.map((i) => counted[i] as CountedEvent);
    let value = 0;
    if (from.measure === 'count') value = matching.length;
    else if (from.measure === 'points') value = indexes.reduce((sum, i) => sum + (countedHundredths[i] as number), 0) / 100;
    else {
      const amountName = from.measure.amount;
      const byId = new Map(live.map((e) => [e.id, e]));
      const sum = new DecimalSum();
      for (const c of matching) {
        const amount = byId.get(c.eventId)?.amounts.find((a) => a.name === amountName);
        if (amount) sum.add(amount.value);
      }
      value = sum.value();
    }
    facts[name] = value;
    factEvents.set(
      name,
      matching.filter((c) => from.measure !== 'points' || c.points !== 0),
    );
  }

  const result: ScorecardResult = input.scorecard.evaluate(facts);
  const items: ScoreItem[] = [];
  const overrides: CreditScore['overrides'] = [];
  for (const t of result.trace) {
    const factName = Object.keys(t.inputs).length === 1 ? Object.keys(t.inputs)[0] : undefined;
    const events = factName ? (factEvents.get(factName) ?? []) : [];
    if (t.kind === 'item') {
      items.push({
        id: t.id,
        reason: t.reason,
        points: t.points ?? 0,
        ...(t.uncapped !== undefined ? { uncapped: t.uncapped } : {}),
        ...(factName ? { fact: factName, value: t.inputs[factName] } : {}),
        events,
      });
    } else {
      overrides.push({ id: t.id, reason: t.reason, grade: t.grade ?? result.grade, events });
    }
  }

  return {
    asOf: asOfIso,
    primary: input.primary ?? input.scorecardBody.primary,
    baseScore: input.scorecardBody.baseScore,
    score: result.score,
    grade: result.grade,
    gradeLabel: result.gradeLabel,
    scoreGrade: result.scoreGrade,
    items,
    overrides,
    stoppedCounting,
    lists,
    disputed: openObjections.map((o) => ({ eventId: o.eventId, objectionId: o.id, statement: o.statement, dueOn: o.dueOn })),
    statements: counted.flatMap((c) => (c.statements ?? []).map((s) => ({ eventId: c.eventId, ...s }))),
    ruleSets: { scorecard: result.ruleSet, behaviourList: list.ruleSet, ...(list.retentionFrom ? { districtPolicy: list.retentionFrom } : {}) },
  };
}
