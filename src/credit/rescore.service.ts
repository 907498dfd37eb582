/**
 * Scores every subject of a district as of one instant: for bureau statistics and the benchmark.
 * Subjects are read a page at a time with their files in one query per page, so memory stays flat
 * whatever the size of the district.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { creditEvents, objections, subjects } from '../platform/db/schema.js';
import type { EventAmount } from '../rules/kinds/behaviour-list/compile.js';
import { type CreditPolicy, creditPolicy } from './credit-policy.service.js';
import { type CreditScore, computeCreditScore, type FileEvent, type FileObjection } from './credit-score.js';

export interface RescoreSummary {
  subjects: number;
  events: number;
  grades: Record<string, number>;
}

export async function rescoreDistrict(
  ctx: ServiceContext,
  options: { asOf?: Date; pageSize?: number; onScore?: (subjectId: string, score: CreditScore) => void } = {},
): Promise<RescoreSummary> {
  const asOf = options.asOf ?? ctx.now;
  const asOfDate = chinaDate(asOf);
  const pageSize = Math.min(options.pageSize ?? 1000, ctx.deps.storage.maxBoundParameters - 2);
  const { db } = ctx.deps.storage;
  const policies = new Map<string, CreditPolicy>();
  const summary: RescoreSummary = { subjects: 0, events: 0, grades: {} };
  let after = '';
  for (;;) {
    const page = await db
      .select({ id: subjects.id, kind: subjects.kind })
      .from(subjects)
      .where(and(eq(subjects.districtId, ctx.districtId), gt(subjects.id, after)))
      .orderBy(asc(subjects.id))
      .limit(pageSize);
    if (page.length === 0) break;
    after = page[page.length - 1]?.id ?? after;
    const ids = page.map((s) => s.id);
    const [events, objectionRows] = await Promise.all([
      db
        .select()
        .from(creditEvents)
        .where(and(eq(creditEvents.districtId, ctx.districtId), inArray(creditEvents.subjectId, ids)))
        .orderBy(asc(creditEvents.subjectId), asc(creditEvents.seq)),
      db
        .select()
        .from(objections)
        .where(and(eq(objections.districtId, ctx.districtId), inArray(objections.subjectId, ids))),
    ]);
    const files = new Map<string, FileEvent[]>();
    for (const e of events) {
      const file = files.get(e.subjectId) ?? [];
      file.push({ ...e, amounts: JSON.parse(e.amounts) as EventAmount[] });
      files.set(e.subjectId, file);
    }
    const objectionsOf = new Map<string, FileObjection[]>();
    for (const o of objectionRows) objectionsOf.set(o.subjectId, [...(objectionsOf.get(o.subjectId) ?? []), o]);
    for (const s of page) {
      let policy = policies.get(s.kind);
      if (!policy) {
        policy = await creditPolicy(ctx, s.kind, asOf);
        policies.set(s.kind, policy);
      }
      const file = files.get(s.id) ?? [];
      const score = computeCreditScore({ ...policy, events: file, objections: objectionsOf.get(s.id) ?? [], asOf, asOfDate });
      summary.subjects++;
      summary.events += file.length;
      summary.grades[score.grade] = (summary.grades[score.grade] ?? 0) + 1;
      options.onScore?.(s.id, score);
    }
  }
  return summary;
}
