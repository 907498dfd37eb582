/**
 * Which rule versions are in force, without asking the database each time. Every signed report, score
 * and award asks for several kinds of rules; published versions never change and only grow in number,
 * so a process keeps a district's published versions and reads one number per question: the district's
 * rules generation, which every write that adds a published version bumps in the same atomic unit. A
 * process that sees the number it saw when it read the versions holds them all, whichever process or
 * isolate published since; one that sees another number reads them again. The in-force choice itself
 * is made here, exactly as the SQL it replaces made it.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import type { Storage } from '../platform/db/database.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { districts, ruleSetVersions } from '../platform/db/schema.js';

/** A version without its YAML source and document: what the hot paths read, the document coming from a cache. */
export type RuleSetVersionHead = Omit<typeof ruleSetVersions.$inferSelect, 'source' | 'document'>;

export const headColumns = {
  id: ruleSetVersions.id,
  districtId: ruleSetVersions.districtId,
  ruleSetId: ruleSetVersions.ruleSetId,
  kind: ruleSetVersions.kind,
  version: ruleSetVersions.version,
  hash: ruleSetVersions.hash,
  status: ruleSetVersions.status,
  effectiveFrom: ruleSetVersions.effectiveFrom,
  createdAt: ruleSetVersions.createdAt,
  createdBy: ruleSetVersions.createdBy,
  publishedAt: ruleSetVersions.publishedAt,
  publishedBy: ruleSetVersions.publishedBy,
};

/** To be committed with any write that adds a published version to the district. */
export const bumpRulesGeneration = (ctx: ServiceContext) =>
  ctx.deps.storage.db
    .update(districts)
    .set({ rulesGeneration: sql`${districts.rulesGeneration} + 1` })
    .where(eq(districts.id, ctx.districtId))
    .returning({ generation: districts.rulesGeneration });

const generationOf = preparedQuery((db) =>
  db
    .select({ generation: districts.rulesGeneration })
    .from(districts)
    .where(eq(districts.id, sql.placeholder('districtId')))
    .prepare(),
);

// Newest first, as the in-force choice reads them: the latest effective date, then the latest publication.
const publishedHeads = preparedQuery((db) =>
  db
    .select(headColumns)
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.districtId, sql.placeholder('districtId')), eq(ruleSetVersions.status, 'published')))
    .orderBy(desc(ruleSetVersions.effectiveFrom), desc(ruleSetVersions.publishedAt), desc(ruleSetVersions.id))
    .prepare(),
);

interface Held {
  generation: number;
  heads: readonly RuleSetVersionHead[];
}

/** Per database (a test world, a Worker's D1 binding), then per district. */
const held = new WeakMap<Storage, Map<string, Held>>();

/** Every published version of the district, newest first. */
async function publishedVersions(ctx: ServiceContext): Promise<readonly RuleSetVersionHead[]> {
  const { storage } = ctx.deps;
  const [row] = await generationOf(storage.db).all({ districtId: ctx.districtId });
  let byDistrict = held.get(storage);
  if (!byDistrict) {
    byDistrict = new Map();
    held.set(storage, byDistrict);
  }
  const kept = byDistrict.get(ctx.districtId);
  if (row && kept?.generation === row.generation) return kept.heads;
  // Read after the generation: what is kept is never older than the number it is kept under.
  const heads = await publishedHeads(storage.db).all({ districtId: ctx.districtId });
  if (row) byDistrict.set(ctx.districtId, { generation: row.generation, heads });
  return heads;
}

/** Effective on its China date and already published at the instant. */
const inForceAt = (head: RuleSetVersionHead, onDate: string, at: string) =>
  head.effectiveFrom <= onDate && head.publishedAt !== null && head.publishedAt <= at;

/** The version of one rule set in force at an instant, if any. */
export async function versionInForce(ctx: ServiceContext, ruleSetId: string, asOf: Date): Promise<RuleSetVersionHead | undefined> {
  const onDate = chinaDate(asOf);
  const at = asOf.toISOString();
  return (await publishedVersions(ctx)).find((h) => h.ruleSetId === ruleSetId && inForceAt(h, onDate, at));
}

/** Every rule set of a kind in force at an instant, one version each, in the order they were found. */
export async function versionsInForceOfKind(ctx: ServiceContext, kind: string, asOf: Date): Promise<RuleSetVersionHead[]> {
  const onDate = chinaDate(asOf);
  const at = asOf.toISOString();
  const seen = new Set<string>();
  return (await publishedVersions(ctx)).filter((h) => h.kind === kind && !seen.has(h.ruleSetId) && inForceAt(h, onDate, at) && seen.add(h.ruleSetId));
}
