/** The data sources a catalogue names, and the holder's own choice of which of them may award it points. */
import { and, eq } from 'drizzle-orm';
import { getSubject } from '../identity/subjects.service.js';
import { logRead } from '../platform/audit/query-log.js';
import type { ServiceContext } from '../platform/context.js';
import { pointsSourceConsents } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { cataloguesAsWritten } from './catalogues.service.js';

/** Each data source the catalogue names, and whether this holder lets it award points (on unless switched off). */
export async function sourceStates(ctx: ServiceContext, holderId: string) {
  const holder = await getSubject(ctx, holderId);
  const actions = (await cataloguesAsWritten(ctx)).flatMap((c) => c.actions);
  const rows = await ctx.deps.storage.db
    .select()
    .from(pointsSourceConsents)
    .where(and(eq(pointsSourceConsents.districtId, ctx.districtId), eq(pointsSourceConsents.holderId, holder.id)));
  const bySource = new Map(rows.map((r) => [r.source, r]));
  const sources = new Map<string, string[]>();
  for (const a of actions) if (a.source && a.holders.includes(holder.kind)) sources.set(a.source, [...(sources.get(a.source) ?? []), a.code]);
  // A source switched off earlier stays listed even when the catalogue no longer names it.
  for (const r of rows) if (!sources.has(r.source)) sources.set(r.source, []);
  // Which sources a holder switched off is its own choice about its data: a read by the bureau is logged.
  await logRead(ctx, holder.id, 'listPointsSources');
  return [...sources].map(([source, actionCodes]) => {
    const row = bySource.get(source);
    return { source, actions: actionCodes, enabled: row ? row.enabled : true, changedAt: row?.changedAt ?? null };
  });
}

export async function setSourceConsent(ctx: ServiceContext, holderId: string, source: string, enabled: boolean) {
  const holder = await getSubject(ctx, holderId);
  if (ctx.principal.type !== 'subject') throw fail.forbidden('only the holder decides which sources may award points');
  const changedAt = ctx.now.toISOString();
  const [row] = await ctx.deps.storage.db
    .insert(pointsSourceConsents)
    .values({ districtId: ctx.districtId, holderId: holder.id, source, enabled, changedAt })
    .onConflictDoUpdate({
      target: [pointsSourceConsents.districtId, pointsSourceConsents.holderId, pointsSourceConsents.source],
      set: { enabled, changedAt },
    })
    .returning();
  return row as typeof pointsSourceConsents.$inferSelect;
}
