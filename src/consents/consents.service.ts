/**
 * Consent (授权): a subject lets one bank see its data for one purpose and some scopes, until a date
 * (by default and at most as long as the district policy in force says: shipped, 90 and 365 days) or
 * until it revokes. No consent, no report.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { ownSubject } from '../identity/subjects.service.js';
import type { ServiceContext } from '../platform/context.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { apiClients, consents, subjects } from '../platform/db/schema.js';
import { DomainError, type ErrorCode, fail } from '../platform/errors.js';
import { newId } from '../platform/util/ids.js';
import type { ConsentState, Purpose, Scope, SubjectKind } from '../platform/vocabulary.js';
import { districtPolicy } from '../rules/district-policy.service.js';
import { consentStatement } from './consent-statement.js';

export { PURPOSES, type Purpose, SCOPES, type Scope } from '../platform/vocabulary.js';
export type ConsentRow = typeof consents.$inferSelect;

const DAY = 86_400_000;

export interface GrantInput {
  bankClientId: string;
  purpose: Purpose;
  scopes: Scope[];
  expiresAt?: string | undefined;
  statement?: string | undefined;
}

export async function grantConsent(ctx: ServiceContext, input: GrantInput): Promise<ConsentRow> {
  const subject = await ownSubject(ctx);
  const committed = committedOutcome<{ consentId: string }>(ctx);
  if (committed) return consentOf(ctx, committed.consentId, subject.id);
  const [bank] = await ctx.deps.storage.db
    .select()
    .from(apiClients)
    .where(
      and(
        eq(apiClients.id, input.bankClientId),
        eq(apiClients.districtId, ctx.districtId),
        eq(apiClients.role, 'bank'),
        isNull(apiClients.revokedAt),
      ),
    );
  if (!bank)
    throw fail.invalid(`no bank '${input.bankClientId}' in district '${ctx.districtId}'`, [
      { pointer: '/bankClientId', in: 'body', detail: 'not a bank of this district' },
    ]);
  const policy = await districtPolicy(ctx, ctx.now);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(ctx.now.getTime() + policy.consentDefaultDays * DAY);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= ctx.now) {
    throw fail.invalid('expiresAt must be in the future', [{ pointer: '/expiresAt', in: 'body', detail: 'not in the future' }]);
  }
  if (expiresAt.getTime() > ctx.now.getTime() + policy.consentMaxDays * DAY) {
    throw fail.invalid(`a consent lasts at most ${policy.consentMaxDays} days in this district`, [
      { pointer: '/expiresAt', in: 'body', detail: `more than ${policy.consentMaxDays} days away` },
    ]);
  }
  const p = ctx.principal;
  const evidence = {
    method: 'subject-token',
    issuer: p.type === 'subject' ? p.issuer : null,
    bankName: bank.name,
    statement: input.statement ?? consentStatement({ bankName: bank.name, purpose: input.purpose, scopes: input.scopes, expiresAt }),
    at: ctx.now.toISOString(),
  };
  const consentId = newId('con', ctx.now);
  const insert = ctx.deps.storage.db
    .insert(consents)
    .values({
      id: consentId,
      districtId: ctx.districtId,
      subjectId: subject.id,
      bankClientId: bank.id,
      purpose: input.purpose,
      scopes: [...new Set(input.scopes)].sort(),
      grantedAt: ctx.now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      evidence,
    })
    .returning();
  const [[row]] = (await commit(ctx, [insert], { consentId })) as [ConsentRow[]];
  return row as ConsentRow;
}

async function consentOf(ctx: ServiceContext, consentId: string, subjectId: string): Promise<ConsentRow> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(consents)
    .where(and(eq(consents.districtId, ctx.districtId), eq(consents.id, consentId), eq(consents.subjectId, subjectId)));
  if (!row) throw fail.notFound(`no consent '${consentId}' of yours in district '${ctx.districtId}'`);
  return row;
}

export async function revokeConsent(ctx: ServiceContext, consentId: string): Promise<ConsentRow> {
  const subject = await ownSubject(ctx);
  const where = and(eq(consents.districtId, ctx.districtId), eq(consents.id, consentId), eq(consents.subjectId, subject.id));
  if (committedOutcome(ctx)) return consentOf(ctx, consentId, subject.id);
  const at = ctx.now.toISOString();
  const revoke = ctx.deps.storage.db
    .update(consents)
    .set({ revokedAt: at })
    .where(and(where, isNull(consents.revokedAt)))
    .returning();
  const revokedNow = sql`SELECT 1 FROM consents WHERE id = ${consentId} AND revoked_at = ${at}`;
  const [[row]] = (await commit(ctx, [revoke], { consentId }, revokedNow)) as [ConsentRow[]];
  if (row) return row;
  const [existing] = await ctx.deps.storage.db.select().from(consents).where(where);
  if (!existing) throw fail.notFound(`no consent '${consentId}' of yours in district '${ctx.districtId}'`);
  throw new DomainError('consent-already-revoked', `this consent was revoked on ${existing.revokedAt}`);
}

/** Who gave a consent, as the bank may see it: a firm by its code and name, a resident by the masked number only. */
export interface ConsentSubject {
  kind: SubjectKind;
  displayId: string;
  name: string | null;
}

export const consentSubjectOf = (s: { kind: SubjectKind; displayId: string; name: string | null }): ConsentSubject => ({
  kind: s.kind,
  displayId: s.displayId,
  name: s.kind === 'firm' ? s.name : null,
});

/** A subject sees its own, a bank those given to it, the bureau and auditors all. */
export async function listConsents(
  ctx: ServiceContext,
  filter: { subjectId?: string | undefined },
): Promise<Array<{ row: ConsentRow; subject: ConsentSubject }>> {
  const conditions = [eq(consents.districtId, ctx.districtId)];
  const p = ctx.principal;
  if (p.type === 'subject') conditions.push(eq(consents.subjectId, (await ownSubject(ctx)).id));
  else if (p.role === 'bank') conditions.push(eq(consents.bankClientId, p.clientId));
  if (filter.subjectId) conditions.push(eq(consents.subjectId, filter.subjectId));
  const rows = await ctx.deps.storage.db
    .select({ row: consents, kind: subjects.kind, displayId: subjects.displayId, name: subjects.name })
    .from(consents)
    .innerJoin(subjects, eq(subjects.id, consents.subjectId))
    .where(and(...conditions))
    .orderBy(desc(consents.grantedAt))
    .limit(1000);
  return rows.map((r) => ({ row: r.row, subject: consentSubjectOf(r) }));
}

export function consentState(row: ConsentRow, now: Date): ConsentState {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now.toISOString() ? 'expired' : 'active';
}

const consentsOfBank = preparedQuery((db) =>
  db
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.districtId, sql.placeholder('districtId')),
        eq(consents.subjectId, sql.placeholder('subjectId')),
        eq(consents.bankClientId, sql.placeholder('bankClientId')),
      ),
    )
    .orderBy(desc(consents.grantedAt), desc(sql`rowid`))
    .prepare(),
);

/** The live consent that covers this bank, purpose and scopes, or a no-consent error that says exactly what is missing. */
export async function requireConsent(
  ctx: ServiceContext,
  subjectId: string,
  bankClientId: string,
  purpose: Purpose,
  scopes: readonly Scope[],
): Promise<ConsentRow> {
  const rows = await consentsOfBank(ctx.deps.storage.db).all({ districtId: ctx.districtId, subjectId, bankClientId });
  const covers = (r: ConsentRow) => scopes.every((s) => r.scopes.includes(s));
  const live = rows.find((r) => consentState(r, ctx.now) === 'active' && r.purpose === purpose && covers(r));
  if (live) return live;
  const deny = (code: ErrorCode, detail: string) => new DomainError(code, detail);
  if (rows.length === 0) throw deny('no-consent', 'the subject has not given your bank any consent; nothing was delivered');
  const forPurpose = rows.filter((r) => r.purpose === purpose);
  if (forPurpose.length === 0) throw deny('purpose-not-granted', `the subject's consent does not cover the purpose '${purpose}'`);
  const withScope = forPurpose.filter(covers);
  if (withScope.length === 0) throw deny('scope-not-granted', `the subject's consent for '${purpose}' does not cover ${scopes.join(', ')}`);
  const latest = withScope[0] as ConsentRow;
  if (latest.revokedAt) throw deny('consent-revoked', `the subject revoked the consent on ${latest.revokedAt}`);
  throw deny('consent-expired', `the subject's consent expired on ${latest.expiresAt}`);
}
