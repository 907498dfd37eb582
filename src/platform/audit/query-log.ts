/**
 * The query log as a duty of the read services: every read of a subject's data by anyone but the subject
 * writes one line, which the subject can see. It lives below the features so that each read service
 * (credit, points, identity, GEP, reports, loans) keeps the duty itself and a new route calling a
 * service cannot forget it; no route writes the log.
 */
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import type { AtomicStatement } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { queryLog } from '../db/schema.js';
import { actorOf, principalRef } from '../http/principal.js';

/**
 * What the log calls each read: the operation the caller used. A closed list, so that the pages' labels
 * (platform/messages/zh-CN-labels.ts) cannot miss one.
 */
export const QUERY_ACTIONS = [
  'issueCreditReport',
  'getCreditScore',
  'listCreditEvents',
  'getPointsAccount',
  'getPointsBalance',
  'listPointsLedger',
  'listPointsSources',
  'getGepAccount',
  'listGepAccountRevisions',
  'getSubject',
  'lookupSubject',
  'assessGepLoan',
  'verifyCredentialPresentation',
] as const;
export type QueryAction = (typeof QUERY_ACTIONS)[number];

export interface QueryDetails {
  /** The consented purpose; by default the caller's duties (`bank duties`, `auditor duties`). */
  purpose?: string | undefined;
  consentId?: string | null | undefined;
  reportId?: string | null | undefined;
}

/** A read by the subject itself is its own business and is not logged. */
const readsOwnData = (ctx: ServiceContext): boolean => ctx.principal.type === 'subject';

function queryLogEntry(ctx: ServiceContext, subjectId: string, action: QueryAction, details: QueryDetails): typeof queryLog.$inferInsert {
  const p = ctx.principal;
  return {
    districtId: ctx.districtId,
    subjectId,
    at: ctx.now.toISOString(),
    actor: principalRef(p),
    actorName: p.type === 'client' ? p.name : 'subject',
    actorRole: actorOf(p),
    action,
    purpose: details.purpose ?? (p.type === 'client' ? `${p.role} duties` : 'own'),
    consentId: details.consentId ?? null,
    reportId: details.reportId ?? null,
  };
}

/**
 * The log line of a read that writes something of its own (a report, an assessment), to go in the same
 * atomic unit as that write: the read is logged exactly when its result is committed. Empty when the
 * subject reads its own data, so a caller spreads it into its statement list.
 */
export function readLogStatements(ctx: ServiceContext, subjectId: string, action: QueryAction, details: QueryDetails = {}): AtomicStatement[] {
  if (readsOwnData(ctx)) return [];
  return [
    ctx.deps.storage.db
      .insert(queryLog)
      .values(queryLogEntry(ctx, subjectId, action, details))
      .returning({ seq: queryLog.seq }),
  ];
}

// Every staff read writes this line: prepared once, so drizzle does not render its SQL on every read.
const logLine = preparedQuery((db) =>
  db
    .insert(queryLog)
    .values({
      districtId: sql.placeholder('districtId'),
      subjectId: sql.placeholder('subjectId'),
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      actorName: sql.placeholder('actorName'),
      actorRole: sql.placeholder('actorRole'),
      action: sql.placeholder('action'),
      purpose: sql.placeholder('purpose'),
      consentId: sql.placeholder('consentId'),
      reportId: sql.placeholder('reportId'),
    })
    .prepare(),
);

/**
 * Logs a read that writes nothing else. Called after the read succeeded and before its answer leaves the
 * service: a read that fails (not found, forbidden) is not logged, and an answer is never given unlogged.
 */
export async function logRead(ctx: ServiceContext, subjectId: string, action: QueryAction, details: QueryDetails = {}): Promise<void> {
  if (readsOwnData(ctx)) return;
  await logLine(ctx.deps.storage.db).run(queryLogEntry(ctx, subjectId, action, details));
}
