/**
 * The red list (守信激励) and black list (失信惩戒) of a district, as of an instant: subjects with an event
 * whose code puts them on a list, known by then, not reversed by then, and still within the listing
 * period on that day, under the behaviour lists in force then. The same instant gives the same lists.
 *
 * Only the events of the listing codes are read, through the index on (district, code): a handful in a
 * district of millions of events. A correction is found by the unique index on the event it cancels.
 */
import { sql } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { addYears } from '../platform/dates.js';
import { fail } from '../platform/errors.js';
import type { CreditList, SubjectKind } from '../platform/vocabulary.js';
import { activeBehaviourLists } from './credit-policy.service.js';

export interface ListEntry {
  subject: { id: string; kind: SubjectKind; displayId: string; name: string | null };
  list: CreditList;
  reasons: Array<{ eventId: string; code: string; title: string; occurredOn: string; until: string }>;
}

/** Event codes are UPPER-CASE words joined by dashes (behaviour-list/body.ts): safe to write into SQL as they are. */
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

export async function creditLists(
  ctx: ServiceContext,
  options: { list?: CreditList | undefined; asOf?: Date | undefined } = {},
): Promise<ListEntry[]> {
  const asOf = options.asOf ?? ctx.now;
  if (asOf > ctx.now) throw fail.invalid('asOf cannot be in the future', [{ pointer: '/asOf', in: 'query', detail: 'in the future' }]);
  const asOfIso = asOf.toISOString();
  const today = chinaDate(asOf);
  const which = options.list;
  const listing = new Map<string, { name: CreditList; years: number; title: string }>();
  for (const list of await activeBehaviourLists(ctx, asOf)) {
    for (const [code, c] of list.codes)
      if (c.def.list && (!which || c.def.list.name === which) && !listing.has(code)) listing.set(code, { ...c.def.list, title: c.def.title });
  }
  if (listing.size === 0) return [];
  const codes = [...listing.keys()];
  for (const code of codes) if (!CODE_SHAPE.test(code)) throw new Error(`not an event code: ${code}`);
  const { db } = ctx.deps.storage;
  // INDEXED BY: without statistics SQLite would take `reverses_event_id IS NULL` to the unique index on
  // that column, which holds every event, and read the whole district.
  const events = await db.all<{ id: string; subjectId: string; code: string; occurredOn: string; endedOn: string | null }>(
    sql`SELECT e.id, e.subject_id AS subjectId, e.code, e.occurred_on AS occurredOn, e.ended_on AS endedOn
        FROM credit_events e INDEXED BY credit_events_code
        WHERE e.district_id = ${ctx.districtId} AND e.code IN (${sql.raw(codes.map((c) => `'${c}'`).join(', '))})
          AND e.reverses_event_id IS NULL AND e.recorded_at <= ${asOfIso} AND e.occurred_on <= ${today}
          AND NOT EXISTS (SELECT 1 FROM credit_events r WHERE r.reverses_event_id = e.id AND r.recorded_at <= ${asOfIso})
        ORDER BY e.subject_id, e.occurred_on, e.seq`,
  );

  const entries = new Map<string, ListEntry>();
  for (const e of events) {
    const rule = listing.get(e.code);
    if (!rule) continue;
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
  if (ids.length > 0) {
    // One JSON array parameter, whatever the number of listed subjects (D1 binds at most 100).
    for (const s of await db.all<ListEntry['subject']>(
      sql`SELECT id, kind, display_id AS displayId, name FROM subjects
          WHERE district_id = ${ctx.districtId} AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    ))
      found.set(s.id, s);
  }
  return [...entries.values()]
    .map((e) => ({ ...e, subject: found.get(e.subject.id) ?? e.subject }))
    .sort((a, b) => (a.list !== b.list ? (a.list === 'black' ? -1 : 1) : a.subject.id < b.subject.id ? -1 : 1));
}
