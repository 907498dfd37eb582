/**
 * The red list (守信激励) and black list (失信惩戒) of a district: subjects with an event whose code puts
 * them on a list, not reversed, and still within the listing period.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { addYears } from '../platform/dates.js';
import { chunkRows } from '../platform/db/database.js';
import { creditEvents, subjects } from '../platform/db/schema.js';
import { activeBehaviourLists } from './credit-policy.service.js';

export interface ListEntry {
  subject: { id: string; kind: 'firm' | 'resident'; displayId: string; name: string | null };
  list: 'red' | 'black';
  reasons: Array<{ eventId: string; code: string; title: string; occurredOn: string; until: string }>;
}

export async function creditLists(ctx: ServiceContext, which?: 'red' | 'black'): Promise<ListEntry[]> {
  const today = chinaDate(ctx.now);
  const listing = new Map<string, { name: 'red' | 'black'; years: number; title: string }>();
  for (const list of await activeBehaviourLists(ctx, ctx.now)) {
    for (const [code, c] of list.codes)
      if (c.def.list && (!which || c.def.list.name === which)) listing.set(code, { ...c.def.list, title: c.def.title });
  }
  if (listing.size === 0) return [];
  const { db, maxBoundParameters } = ctx.deps.storage;
  const codes = [...listing.keys()];
  const inDistrict = and(eq(creditEvents.districtId, ctx.districtId), inArray(creditEvents.code, codes));
  const [events, reversals] = await Promise.all([
    db
      .select({
        id: creditEvents.id,
        subjectId: creditEvents.subjectId,
        code: creditEvents.code,
        occurredOn: creditEvents.occurredOn,
        endedOn: creditEvents.endedOn,
      })
      .from(creditEvents)
      .where(and(inDistrict, isNull(creditEvents.reversesEventId))),
    // A reversing event carries the code of the event it cancels, so it is found by the same codes.
    db
      .select({ reverses: creditEvents.reversesEventId })
      .from(creditEvents)
      .where(and(inDistrict, isNotNull(creditEvents.reversesEventId))),
  ]);
  const reversed = new Set(reversals.map((r) => r.reverses));

  const entries = new Map<string, ListEntry>();
  for (const e of events) {
    const rule = listing.get(e.code);
    if (!rule || reversed.has(e.id) || e.occurredOn > today) continue;
    const until = addYears(e.endedOn ?? e.occurredOn, rule.years);
    if (today >= until) continue;
    const key = `${e.subjectId}|${rule.name}`;
    const entry = entries.get(key) ?? {
      subject: { id: e.subjectId, kind: 'firm' as const, displayId: '', name: null },
      list: rule.name,
      reasons: [],
    };
    entry.reasons.push({ eventId: e.id, code: e.code, title: rule.title, occurredOn: e.occurredOn, until });
    entries.set(key, entry);
  }
  const ids = [...new Set([...entries.values()].map((e) => e.subject.id))];
  const found = new Map<string, ListEntry['subject']>();
  for (const chunk of chunkRows(ids, 1, maxBoundParameters - 1)) {
    const rows = await db
      .select({ id: subjects.id, kind: subjects.kind, displayId: subjects.displayId, name: subjects.name })
      .from(subjects)
      .where(and(eq(subjects.districtId, ctx.districtId), inArray(subjects.id, chunk)));
    for (const s of rows) found.set(s.id, s);
  }
  return [...entries.values()]
    .map((e) => ({ ...e, subject: found.get(e.subject.id) ?? e.subject }))
    .sort((a, b) => (a.list !== b.list ? (a.list === 'black' ? -1 : 1) : a.subject.id < b.subject.id ? -1 : 1));
}
