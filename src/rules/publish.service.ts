/**
 * Publishing a draft version, and what the district's rules look like once it takes effect.
 */
import { and, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { gepUnits, ruleSetVersions } from '../platform/db/schema.js';
import { DomainError, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { getVersion, inForce, type RuleSetVersionRow } from './rule-sets.service.js';
import { bumpRulesGeneration } from './versions-in-force.js';

/**
 * Publishes a draft. A rule file's `effectiveFrom` has one meaning: the first day (China time) the
 * version applies. It is part of the hashed content, so a publication never overrides it: one that names
 * another date is refused, and one whose date has passed is refused too (the past stays as it was; the
 * bureau sets a date in the file and uploads it again).
 */
export async function publish(ctx: ServiceContext, versionId: string, confirmedDate?: string): Promise<RuleSetVersionRow> {
  if (committedOutcome(ctx)) return getVersion(ctx, versionId);
  const version = await getVersion(ctx, versionId);
  const effectiveFrom = version.effectiveFrom;
  if (confirmedDate !== undefined && confirmedDate !== effectiveFrom) {
    throw new DomainError(
      'publication-date-contradicts-file',
      `the file says effectiveFrom ${effectiveFrom}; a publication cannot make it ${confirmedDate}. Change the date in the file and upload it again`,
      { fields: [{ pointer: '/effectiveFrom', detail: `the file says ${effectiveFrom}` }] },
    );
  }
  if (version.status === 'draft' && effectiveFrom < chinaDate(ctx.now)) {
    throw fail.invalid(`the file takes effect on ${effectiveFrom}, which has passed; a publication takes effect today or later`, [
      { pointer: '/effectiveFrom', detail: `${effectiveFrom} is in the past: set a later effectiveFrom in the file and upload it again` },
    ]);
  }
  const at = ctx.now.toISOString();
  const update = ctx.deps.storage.db
    .update(ruleSetVersions)
    .set({ status: 'published', publishedAt: at, publishedBy: principalRef(ctx.principal) })
    .where(and(eq(ruleSetVersions.id, version.id), eq(ruleSetVersions.status, 'draft')))
    .returning();
  const publishedNow = sql`SELECT 1 FROM rule_set_versions WHERE id = ${version.id} AND published_at = ${at}`;
  const [[row]] = (await commit(ctx, [update, bumpRulesGeneration(ctx)], { versionId }, publishedNow)) as [RuleSetVersionRow[]];
  if (!row) throw new DomainError('already-published', `version ${version.id} was published on ${version.publishedAt} by ${version.publishedBy}`);
  return row;
}

/**
 * What the publication would leave in force that can no longer do its work, on the day it takes
 * effect: a scorecard whose behaviour list is not in force, a list that no scorecard reads (its
 * events count in no score), an action two catalogues both offer (awards must then name one), GEP
 * units that name no method while several are in force. Warnings, not refusals: the bureau decides.
 */
export async function publicationWarnings(ctx: ServiceContext, version: RuleSetVersionRow): Promise<string[]> {
  const on = version.effectiveFrom > chinaDate(ctx.now) ? new Date(`${version.effectiveFrom}T00:00:00+08:00`) : ctx.now;
  // As of the effective date, with this publication counted (it may lie ahead of the clock).
  const at: ServiceContext = { ...ctx, now: new Date(Math.max(on.getTime(), ctx.now.getTime())) };
  const warnings: string[] = [];
  const [cards, lists, catalogues, methods] = await Promise.all([
    inForce(at, 'scorecard'),
    inForce(at, 'behaviour-list'),
    inForce(at, 'points-catalogue'),
    inForce(at, 'gep-method'),
  ]);
  const listIds = new Set(lists.map((l) => l.document.id));
  for (const c of cards) {
    const list = c.document.body.behaviourList;
    if (list && !listIds.has(list))
      warnings.push(`scorecard ${c.document.id} draws on behaviour list ${list}, which will not be in force: it can score no one`);
  }
  const read = new Set(cards.map((c) => c.document.body.behaviourList).filter((x): x is string => x !== undefined));
  for (const l of lists) {
    if (!read.has(l.document.id))
      warnings.push(`behaviour list ${l.document.id} is read by no scorecard in force: its events will count in no score`);
  }
  const seen = new Map<string, string>();
  for (const cat of catalogues) {
    for (const code of cat.compiled.actions.keys()) {
      const other = seen.get(code);
      if (other) warnings.push(`action ${code} is in catalogues ${[other, cat.document.id].sort().join(' and ')}: awards must name their catalogue`);
      else seen.set(code, cat.document.id);
    }
  }
  if (methods.length > 1) {
    const unnamed = await ctx.deps.storage.db
      .select({ code: gepUnits.code })
      .from(gepUnits)
      .where(and(eq(gepUnits.districtId, ctx.districtId), sql`${gepUnits.methodId} IS NULL`));
    if (unnamed.length) {
      warnings.push(
        `${methods.length} GEP methods will be in force: ${unnamed.length} accounting unit(s) name none (${unnamed
          .slice(0, 5)
          .map((u) => u.code)
          .join(', ')}${unnamed.length > 5 ? ', …' : ''}) and can no longer be accounted until they do`,
      );
    }
  }
  return warnings;
}
