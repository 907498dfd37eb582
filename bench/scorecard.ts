/**
 * One 30-item scorecard, modelled on the enterprise environmental credit rating (环保诚信 / 良好 / 警示 /
 * 不良 at 95 / 80 / 60), written once as a rule body and expressed four ways: our compiled scorecard
 * (src/), a hand-written function, a zen-engine JDM graph and json-rules-engine rules. The two foreign
 * forms are translated from the body mechanically, so that a fix to the body reaches all of them; the
 * hand-written function is deliberately not, so that it checks the translation instead of sharing it.
 *
 * No item uses a CEL formula: neither foreign engine can run CEL, and the aim is one decision in each.
 */
import type { Event, RuleProperties } from 'json-rules-engine';
import { ScorecardBody } from '../src/rules/kinds/scorecard/body.js';

export type FirmFacts = {
  admin_penalties: number;
  fine_10k_yuan: number;
  exceed_days: number;
  exceed_multiple: number;
  verified_complaints: number;
  monitoring_gap_hours: number;
  late_reports: number;
  hazwaste_violations: number;
  inspection_findings: number;
  green_projects: number;
  volunteer_hours: number;
  reduction_tonnes: number;
  clean_years: number;
  overdue_rectification_days: number;
  data_fraud: boolean;
  permit_valid: boolean;
  disclosure_complete: boolean;
  emergency_plan_filed: boolean;
  iso14001: boolean;
  clean_production_audit: boolean;
  pollution_insurance: boolean;
  criminal_referral: boolean;
};

const numberFacts = [
  'admin_penalties',
  'fine_10k_yuan',
  'exceed_days',
  'exceed_multiple',
  'verified_complaints',
  'monitoring_gap_hours',
  'late_reports',
  'hazwaste_violations',
  'inspection_findings',
  'green_projects',
  'volunteer_hours',
  'reduction_tonnes',
  'clean_years',
  'overdue_rectification_days',
] as const;
const booleanFacts = [
  'data_fraud',
  'permit_valid',
  'disclosure_complete',
  'emergency_plan_filed',
  'iso14001',
  'clean_production_audit',
  'pollution_insurance',
  'criminal_referral',
] as const;

export const GRADES = ['green', 'blue', 'yellow', 'red'] as const;

/** The rule body, parsed by the project's own schema so the benchmark cannot drift from what rule files may say. */
export function envCreditScorecard(): ScorecardBody {
  return ScorecardBody.parse({
    subjectKind: 'firm',
    facts: Object.fromEntries([...numberFacts.map((name) => [name, { type: 'number' }]), ...booleanFacts.map((name) => [name, { type: 'boolean' }])]),
    baseScore: 100,
    minScore: 0,
    maxScore: 100,
    items: [
      { id: 'penalty', reason: '受到环境行政处罚', fact: 'admin_penalties', when: { gte: 1 }, points: -5 },
      { id: 'penalty-repeat', reason: '一年内三次以上行政处罚', fact: 'admin_penalties', when: { gte: 3 }, points: -10 },
      { id: 'penalty-each', reason: '每次行政处罚', fact: 'admin_penalties', perUnit: -2, cap: { min: -8 } },
      { id: 'fine-mid', reason: '罚款十万元以上', fact: 'fine_10k_yuan', when: { gte: 10, lt: 50 }, points: -5 },
      { id: 'fine-high', reason: '罚款五十万元以上', fact: 'fine_10k_yuan', when: { gte: 50 }, points: -15 },
      { id: 'exceed-days', reason: '超标排放天数', fact: 'exceed_days', perUnit: -0.5, cap: { min: -20 } },
      { id: 'exceed-long', reason: '超标排放超过30天', fact: 'exceed_days', when: { gt: 30 }, points: -5 },
      { id: 'exceed-moderate', reason: '超标0.5至1.5倍', fact: 'exceed_multiple', when: { gt: 0.5, lte: 1.5 }, points: -4 },
      { id: 'exceed-severe', reason: '超标1.5倍以上', fact: 'exceed_multiple', when: { gt: 1.5 }, points: -12 },
      { id: 'complaints', reason: '经查实的信访投诉', fact: 'verified_complaints', perUnit: -1.5, cap: { min: -9 } },
      { id: 'complaints-none', reason: '无查实投诉', fact: 'verified_complaints', when: { eq: 0 }, points: 1 },
      { id: 'monitoring-gap', reason: '在线监测数据缺失超过24小时', fact: 'monitoring_gap_hours', when: { gte: 24 }, points: -3 },
      { id: 'monitoring-gap-hours', reason: '在线监测数据缺失小时数', fact: 'monitoring_gap_hours', perUnit: -0.05, cap: { min: -4 } },
      { id: 'late-reports', reason: '逾期未报送执行报告', fact: 'late_reports', perUnit: -2, cap: { min: -6 } },
      { id: 'late-reports-few', reason: '偶有逾期报送', fact: 'late_reports', when: { in: [1, 2] }, points: -1 },
      { id: 'hazwaste', reason: '危险废物管理违规', fact: 'hazwaste_violations', when: { gte: 1 }, points: -10 },
      { id: 'hazwaste-each', reason: '每起危险废物违规', fact: 'hazwaste_violations', perUnit: -3.5, cap: { min: -7 } },
      { id: 'inspection-many', reason: '现场检查问题超过5项', fact: 'inspection_findings', when: { gt: 5 }, points: -6 },
      { id: 'inspection-each', reason: '现场检查问题', fact: 'inspection_findings', perUnit: -0.75, cap: { min: -5 } },
      { id: 'clean-record', reason: '连续三年无环境违法', fact: 'clean_years', when: { gte: 3 }, points: 2 },
      { id: 'data-fraud', reason: '监测数据弄虚作假', fact: 'data_fraud', points: -40 },
      { id: 'permit-missing', reason: '无有效排污许可证', fact: 'permit_valid', when: { eq: false }, points: -20 },
      { id: 'disclosure-missing', reason: '未依法披露环境信息', fact: 'disclosure_complete', when: { eq: false }, points: -5 },
      { id: 'emergency-plan', reason: '未备案突发环境事件应急预案', fact: 'emergency_plan_filed', when: { ne: true }, points: -2 },
      { id: 'iso14001', reason: '通过ISO 14001认证', fact: 'iso14001', points: 3 },
      { id: 'clean-production', reason: '通过清洁生产审核', fact: 'clean_production_audit', when: { eq: true }, points: 2 },
      { id: 'insurance', reason: '投保环境污染责任保险', fact: 'pollution_insurance', points: 1.5 },
      { id: 'green-projects', reason: '绿色技改项目', fact: 'green_projects', perUnit: 2.5, cap: { max: 7.5 } },
      { id: 'volunteer', reason: '环保志愿服务（10小时起计）', fact: 'volunteer_hours', when: { gte: 10 }, perUnit: 0.02, cap: { max: 2 } },
      { id: 'reduction', reason: '主要污染物减排吨数', fact: 'reduction_tonnes', perUnit: 0.3, cap: { max: 6 } },
    ],
    bands: [
      { grade: 'green', label: '环保诚信企业', min: 95 },
      { grade: 'blue', label: '环保良好企业', min: 80 },
      { grade: 'yellow', label: '环保警示企业', min: 60 },
      { grade: 'red', label: '环保不良企业' },
    ],
    overrides: [
      { id: 'criminal-referral', reason: '涉嫌环境犯罪移送司法机关', fact: 'criminal_referral', effect: 'lowest' },
      { id: 'overdue-rectification', reason: '整改逾期超过30天', fact: 'overdue_rectification_days', when: { gt: 30 }, effect: { lowerBy: 1 } },
    ],
  });
}

/**
 * Random facts shaped like a district's firms: most counts are zero, a tail is not, so that every item
 * fires in some inputs and not in others and every band is reached. Counts are whole numbers and the
 * exceedance multiple has two decimals, so every product lands on a whole hundredth. That leaves
 * untested how each form rounds a product that falls on or between hundredths: JS Math.round on a
 * float (half up, and 1.005 * 100 is 100.4999…) against ZEN's decimal round (half away from zero).
 */
export function randomFirmFacts(rnd: () => number): FirmFacts {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const sometimes = (p: number, lo: number, hi: number) => (rnd() < p ? int(lo, hi) : 0);
  const flag = (p: number) => rnd() < p;
  return {
    admin_penalties: sometimes(0.3, 1, 5),
    fine_10k_yuan: sometimes(0.25, 1, 120),
    exceed_days: sometimes(0.25, 1, 60),
    exceed_multiple: sometimes(0.25, 1, 300) / 100,
    verified_complaints: sometimes(0.35, 1, 8),
    monitoring_gap_hours: sometimes(0.4, 1, 120),
    late_reports: sometimes(0.3, 1, 4),
    hazwaste_violations: sometimes(0.15, 1, 3),
    inspection_findings: sometimes(0.5, 1, 10),
    green_projects: sometimes(0.3, 1, 5),
    volunteer_hours: sometimes(0.5, 1, 200),
    reduction_tonnes: sometimes(0.3, 1, 40),
    clean_years: int(0, 10),
    overdue_rectification_days: sometimes(0.15, 1, 90),
    data_fraud: flag(0.03),
    permit_valid: flag(0.92),
    disclosure_complete: flag(0.85),
    emergency_plan_filed: flag(0.8),
    iso14001: flag(0.35),
    clean_production_audit: flag(0.3),
    pollution_insurance: flag(0.4),
    criminal_referral: flag(0.02),
  };
}

export interface ScoreAndBand {
  score: number;
  bandIndex: number;
}

/**
 * The same scorecard as code someone would write by hand, in hundredths like the engine: the bar a
 * compiling engine should come close to. Kept literal on purpose (see the file comment).
 */
export function handWrittenScore(f: FirmFacts): ScoreAndBand {
  let t = 10000;
  const n = f.admin_penalties;
  if (n >= 1) t -= 500;
  if (n >= 3) t -= 1000;
  if (n > 0) t += Math.max(-800, Math.round(n * -200));
  const fine = f.fine_10k_yuan;
  if (fine >= 10 && fine < 50) t -= 500;
  if (fine >= 50) t -= 1500;
  const days = f.exceed_days;
  if (days > 0) t += Math.max(-2000, Math.round(days * -50));
  if (days > 30) t -= 500;
  const multiple = f.exceed_multiple;
  if (multiple > 0.5 && multiple <= 1.5) t -= 400;
  if (multiple > 1.5) t -= 1200;
  const complaints = f.verified_complaints;
  if (complaints > 0) t += Math.max(-900, Math.round(complaints * -150));
  if (complaints === 0) t += 100;
  const gap = f.monitoring_gap_hours;
  if (gap >= 24) t -= 300;
  if (gap > 0) t += Math.max(-400, Math.round(gap * -5));
  const late = f.late_reports;
  if (late > 0) t += Math.max(-600, Math.round(late * -200));
  if (late === 1 || late === 2) t -= 100;
  const hazwaste = f.hazwaste_violations;
  if (hazwaste >= 1) t -= 1000;
  if (hazwaste > 0) t += Math.max(-700, Math.round(hazwaste * -350));
  const findings = f.inspection_findings;
  if (findings > 5) t -= 600;
  if (findings > 0) t += Math.max(-500, Math.round(findings * -75));
  if (f.clean_years >= 3) t += 200;
  if (f.data_fraud) t -= 4000;
  if (!f.permit_valid) t -= 2000;
  if (!f.disclosure_complete) t -= 500;
  if (!f.emergency_plan_filed) t -= 200;
  if (f.iso14001) t += 300;
  if (f.clean_production_audit) t += 200;
  if (f.pollution_insurance) t += 150;
  if (f.green_projects > 0) t += Math.min(750, Math.round(f.green_projects * 250));
  if (f.volunteer_hours >= 10) t += Math.min(200, Math.round(f.volunteer_hours * 2));
  if (f.reduction_tonnes > 0) t += Math.min(600, Math.round(f.reduction_tonnes * 30));
  t = t < 0 ? 0 : t > 10000 ? 10000 : t;
  let band = t >= 9500 ? 0 : t >= 8000 ? 1 : t >= 6000 ? 2 : 3;
  if (f.criminal_referral) band = 3;
  if (f.overdue_rectification_days > 30 && band < 3) band++;
  return { score: t / 100, bandIndex: band };
}

type Comparison = NonNullable<ScorecardBody['items'][number]['when']>;
type FactType = 'number' | 'boolean';

// ---------------------------------------------------------------- zen-engine (JDM)

const zenLiteral = (v: number | string | boolean) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** A condition in the ZEN expression language; the default mirrors the engine's: a positive number or true. */
function zenCondition(fact: string, type: FactType, when: Comparison | undefined): string {
  if (!when) return type === 'number' ? `${fact} > 0` : `${fact} == true`;
  const parts: string[] = [];
  if (when.eq !== undefined) parts.push(`${fact} == ${zenLiteral(when.eq)}`);
  if (when.ne !== undefined) parts.push(`${fact} != ${zenLiteral(when.ne)}`);
  if (when.gt !== undefined) parts.push(`${fact} > ${when.gt}`);
  if (when.gte !== undefined) parts.push(`${fact} >= ${when.gte}`);
  if (when.lt !== undefined) parts.push(`${fact} < ${when.lt}`);
  if (when.lte !== undefined) parts.push(`${fact} <= ${when.lte}`);
  if (when.in !== undefined) parts.push(`${fact} in [${when.in.map(zenLiteral).join(', ')}]`);
  return parts.join(' and ');
}

const zenKey = (id: string) => id.replace(/[^a-z0-9_]/g, '_');

/**
 * The decision as a JDM graph: an expression node with one expression per item and the clamped score,
 * a first-hit decision table for the bands, and an expression node applying the overrides in order.
 * ZEN computes in decimals, so the hundredths bookkeeping our engine needs for floats is not needed
 * here; the rounding to the hundredth of perUnit items is kept so both round the same products.
 */
export function toZenGraph(body: ScorecardBody): object {
  const type = (fact: string) => (body.facts[fact]?.type ?? 'number') as FactType;
  const itemExpressions = body.items.map((item, i) => {
    const fact = item.fact as string;
    let raw: string;
    if (item.points !== undefined) raw = String(item.points);
    else if (item.perUnit !== undefined) raw = `round(${fact} * ${item.perUnit} * 100) / 100`;
    else throw new Error(`item ${item.id}: formulas have no JDM form here`);
    if (item.cap?.max !== undefined) raw = `min([${raw}, ${item.cap.max}])`;
    if (item.cap?.min !== undefined) raw = `max([${raw}, ${item.cap.min}])`;
    return { id: `item${i}`, key: `points.${zenKey(item.id)}`, value: `${zenCondition(fact, type(fact), item.when)} ? ${raw} : 0` };
  });
  let score = `${body.baseScore} + sum([${body.items.map((item) => `$.points.${zenKey(item.id)}`).join(', ')}])`;
  if (body.maxScore !== undefined) score = `min([${score}, ${body.maxScore}])`;
  if (body.minScore !== undefined) score = `max([${score}, ${body.minScore}])`;

  const last = body.bands.length - 1;
  const overrideExpressions = body.overrides.map((o, i) => {
    const prev = i === 0 ? 'band' : `$.b${i - 1}`;
    const target = o.effect === 'lowest' ? String(last) : `min([${prev} + ${o.effect.lowerBy}, ${last}])`;
    return { id: `override${i}`, key: `b${i}`, value: `${zenCondition(o.fact, type(o.fact), o.when)} ? max([${prev}, ${target}]) : ${prev}` };
  });
  const finalBand = body.overrides.length === 0 ? 'band' : `$.b${body.overrides.length - 1}`;

  const position = { x: 0, y: 0 };
  const nodes = [
    { id: 'request', type: 'inputNode', name: 'Request', position },
    {
      id: 'items',
      type: 'expressionNode',
      name: 'Items',
      position,
      content: { passThrough: true, expressions: [...itemExpressions, { id: 'score', key: 'score', value: score }] },
    },
    {
      id: 'bands',
      type: 'decisionTableNode',
      name: 'Bands',
      position,
      content: {
        hitPolicy: 'first',
        passThrough: true,
        inputs: [{ id: 'score', name: 'Score', field: 'score' }],
        outputs: [{ id: 'band', name: 'Band', field: 'band' }],
        rules: body.bands.map((b, i) => ({ _id: `band${i}`, score: b.min === undefined ? '' : `>= ${b.min}`, band: String(i) })),
      },
    },
    {
      id: 'overrides',
      type: 'expressionNode',
      name: 'Overrides',
      position,
      content: {
        passThrough: false,
        expressions: [
          ...overrideExpressions,
          { id: 'score', key: 'score', value: 'score' },
          { id: 'bandIndex', key: 'bandIndex', value: finalBand },
          { id: 'grade', key: 'grade', value: `[${body.bands.map((b) => zenLiteral(b.grade)).join(', ')}][$.bandIndex]` },
        ],
      },
    },
    { id: 'response', type: 'outputNode', name: 'Response', position },
  ];
  const chain = ['request', 'items', 'bands', 'overrides', 'response'];
  const edges = chain.slice(1).map((target, i) => ({ id: `edge${i}`, type: 'edge', sourceId: chain[i], targetId: target }));
  return { contentType: 'application/vnd.gorules.decision', nodes, edges };
}

// ---------------------------------------------------------------- json-rules-engine

type JreCondition = { fact: string; operator: string; value: unknown };

function jreConditions(fact: string, type: FactType, when: Comparison | undefined): JreCondition[] {
  if (!when) return [type === 'number' ? { fact, operator: 'greaterThan', value: 0 } : { fact, operator: 'equal', value: true }];
  const out: JreCondition[] = [];
  if (when.eq !== undefined) out.push({ fact, operator: 'equal', value: when.eq });
  if (when.ne !== undefined) out.push({ fact, operator: 'notEqual', value: when.ne });
  if (when.gt !== undefined) out.push({ fact, operator: 'greaterThan', value: when.gt });
  if (when.gte !== undefined) out.push({ fact, operator: 'greaterThanInclusive', value: when.gte });
  if (when.lt !== undefined) out.push({ fact, operator: 'lessThan', value: when.lt });
  if (when.lte !== undefined) out.push({ fact, operator: 'lessThanInclusive', value: when.lte });
  if (when.in !== undefined) out.push({ fact, operator: 'in', value: when.in });
  return out;
}

/** The event an item rule emits: what to add, in hundredths like the engine, so the caller only sums. */
export type JreItemEvent = { type: 'item'; params: { points?: number; fact?: string; perUnit?: number; capMin?: number; capMax?: number } };
/** Overrides fire as events too; their index keeps the body's order, which decides how they compound. */
export type JreOverrideEvent = { type: 'override'; params: { index: number; lowest: boolean; lowerBy: number } };

const round100 = (x: number) => Math.round(x * 100);

/** One rule per item and per override; the conditions are the library's, the arithmetic stays with the caller. */
export function toJreRules(body: ScorecardBody): RuleProperties[] {
  const type = (fact: string) => (body.facts[fact]?.type ?? 'number') as FactType;
  const items = body.items.map((item): RuleProperties => {
    const fact = item.fact as string;
    if (item.points === undefined && item.perUnit === undefined) throw new Error(`item ${item.id}: formulas have no json-rules-engine form here`);
    const params: JreItemEvent['params'] = item.points !== undefined ? { points: round100(item.points) } : { fact, perUnit: item.perUnit as number };
    if (item.cap?.min !== undefined) params.capMin = round100(item.cap.min);
    if (item.cap?.max !== undefined) params.capMax = round100(item.cap.max);
    return { name: item.id, conditions: { all: jreConditions(fact, type(fact), item.when) }, event: { type: 'item', params } };
  });
  const overrides = body.overrides.map(
    (o, index): RuleProperties => ({
      name: o.id,
      conditions: { all: jreConditions(o.fact, type(o.fact), o.when) },
      event: { type: 'override', params: { index, lowest: o.effect === 'lowest', lowerBy: o.effect === 'lowest' ? 0 : o.effect.lowerBy } },
    }),
  );
  return [...items, ...overrides];
}

/** Turns the events of one json-rules-engine run into a score and band, with the engine's arithmetic. */
export function jreOutcome(body: ScorecardBody): (events: Event[], facts: Readonly<Record<string, unknown>>) => ScoreAndBand {
  const base = round100(body.baseScore);
  const lo = body.minScore === undefined ? -Infinity : round100(body.minScore);
  const hi = body.maxScore === undefined ? Infinity : round100(body.maxScore);
  const bandMins = body.bands.map((b) => (b.min === undefined ? -Infinity : round100(b.min)));
  const last = body.bands.length - 1;
  return (events, facts) => {
    let total = base;
    const fired: JreOverrideEvent['params'][] = [];
    for (const e of events) {
      if (e.type === 'override') {
        fired.push((e as JreOverrideEvent).params);
        continue;
      }
      const p = (e as JreItemEvent).params;
      let h = p.points ?? round100((facts[p.fact as string] as number) * (p.perUnit as number));
      if (p.capMin !== undefined && h < p.capMin) h = p.capMin;
      if (p.capMax !== undefined && h > p.capMax) h = p.capMax;
      total += h;
    }
    total = total < lo ? lo : total > hi ? hi : total;
    let band = bandMins.findIndex((min) => total >= min);
    // Events arrive in completion order; the body's order decides how lowerBy overrides compound.
    fired.sort((a, b) => a.index - b.index);
    for (const o of fired) band = Math.max(band, o.lowest ? last : Math.min(last, band + o.lowerBy));
    return { score: total / 100, bandIndex: band };
  };
}
