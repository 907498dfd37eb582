/**
 * Signed eco-credit reports: what a bank receives with the subject's consent. A compact JWS (EdDSA,
 * `kid` in the header) in the W3C VC 2.0 JOSE form (`typ: vc+jwt`), carrying only what the consented
 * scopes allow, verifiable offline against the district's JWKS.
 */
import { eq, sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import type { SubjectStatement } from '../credit/credit-score.js';
import { getCreditScore } from '../credit/score.service.js';
import { accountOf } from '../gep/accounts.service.js';
import { latestYearWithData } from '../gep/measurements.service.js';
import { unitsOwnedBy } from '../gep/units.service.js';
import { getSubject } from '../identity/subjects.service.js';
import { assessmentsFor } from '../loans/loans.service.js';
import type { ServiceContext } from '../platform/context.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { queryLog, reports, signingKeys } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { sha256Hex } from '../platform/util/crypto.js';
import { newId } from '../platform/util/ids.js';
import { pointsSummary } from '../points/points.service.js';
import { districtPolicy } from '../rules/district-policy.service.js';
import { type Purpose, requireConsent, type Scope } from './consents.service.js';
import { queryLogEntry } from './query-log.service.js';
import { activeKey } from './signing-keys.service.js';
import { REPORT_TYPE } from './verify.js';

export interface IssueInput {
  subjectId: string;
  purpose: Purpose;
  scopes: Scope[];
  /** GEP eco-loan assessments of this subject to include (scope gep-assets). */
  assessmentIds?: string[] | undefined;
}

export interface IssuedReport {
  reportId: string;
  report: string;
  kid: string;
  issuer: string;
  issuedAt: string;
  expiresAt: string;
  consentId: string;
}

/** A statement as a report carries it: what the subject said and how it was answered, not who answered. */
const reportStatement = (s: SubjectStatement) => ({
  statement: s.statement,
  filedAt: s.filedAt,
  status: s.status,
  resolution: s.resolution,
  resolvedAt: s.resolvedAt,
});

/** `issuer` is the district's URL; its JWKS is at `${issuer}/.well-known/jwks.json`. */
export async function issueReport(ctx: ServiceContext, input: IssueInput, issuer: string): Promise<IssuedReport> {
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'bank') throw fail.forbidden('only a bank receives reports');
  const committed = committedOutcome<IssuedReport>(ctx);
  if (committed) return committed;
  const subject = await getSubject(ctx, input.subjectId);
  const scopes = [...new Set(input.scopes)].sort() as Scope[];
  const consent = await requireConsent(ctx, subject.id, p.clientId, input.purpose, scopes);
  if (input.assessmentIds?.length && !scopes.includes('gep-assets')) {
    throw fail.invalid('assessments are GEP assets: ask for the gep-assets scope', [
      { pointer: '/assessmentIds', in: 'body', detail: 'needs scope gep-assets' },
    ]);
  }

  const credentialSubject: Record<string, unknown> = {
    id: `urn:eco-credit:subject:${subject.id}`,
    kind: subject.kind,
    // Minimum necessary: a firm is named by its public code, a resident only by the masked number.
    displayId: subject.displayId,
    ...(subject.kind === 'firm' && subject.name ? { name: subject.name } : {}),
    district: ctx.districtId,
  };
  const ruleSets: Array<{ id: string; version: number; hash: string }> = [];
  if (scopes.includes('credit')) {
    const { score } = await getCreditScore(ctx, subject.id, { subject });
    credentialSubject.credit = {
      scorecard: score.ruleSets.scorecard,
      asOf: score.asOf,
      score: score.score,
      grade: score.grade,
      gradeLabel: score.gradeLabel,
      scoreGrade: score.scoreGrade,
      items: score.items.map((i) => ({
        reasonCode: i.id,
        reason: i.reason,
        points: i.points,
        events: i.events.map((e) => ({
          eventId: e.eventId,
          code: e.code,
          title: e.title,
          occurredOn: e.occurredOn,
          points: e.points,
          disputed: e.disputed,
          ...(e.statements ? { statements: e.statements.map(reportStatement) } : {}),
        })),
      })),
      overrides: score.overrides.map((o) => ({ reasonCode: o.id, reason: o.reason, grade: o.grade, events: o.events.map((e) => e.eventId) })),
      lists: score.lists,
      disputed: score.disputed.map((d) => ({ eventId: d.eventId, statement: d.statement, dueOn: d.dueOn })),
      statements: score.statements.map((s) => ({ eventId: s.eventId, ...reportStatement(s) })),
    };
    ruleSets.push(score.ruleSets.scorecard, score.ruleSets.behaviourList);
  }
  if (scopes.includes('points-summary')) credentialSubject.pointsSummary = await pointsSummary(ctx, subject.id);
  if (scopes.includes('gep-assets')) {
    const units = [];
    for (const unit of await unitsOwnedBy(ctx, subject.id)) {
      const year = await latestYearWithData(ctx, unit);
      // A report reads the closed revision where there is one; an open account is pinned to its method from now on.
      const account = year === null ? null : await accountOf(ctx, unit, year, { pin: true });
      units.push({
        code: unit.code,
        name: unit.name,
        level: unit.level,
        areaHa: unit.areaHa,
        year,
        gep: account
          ? {
              total: account.total,
              categories: account.categories,
              complete: account.complete,
              notAssessed: account.notAssessed,
              status: account.status,
              revision: account.revision,
              methodVersionId: account.methodVersionId,
              increment: account.values.increment,
            }
          : null,
      });
      if (account) ruleSets.push(account.ruleSet);
    }
    const assessments = await assessmentsFor(ctx, subject.id, input.assessmentIds ?? []);
    credentialSubject.gepAssets = {
      units,
      assessments: assessments.map((a) => ({
        id: a.id,
        at: a.createdAt,
        product: a.product,
        eligible: a.eligible,
        failedConditions: a.failedConditions,
        ceiling: a.ceiling,
        rateAdjustmentBp: a.rateAdjustmentBp,
        reasons: a.reasons,
      })),
    };
  }

  const policy = await districtPolicy(ctx, ctx.now);
  ruleSets.push(policy.ruleSet);
  const key = await activeKey(ctx);
  const reportId = newId('rpt', ctx.now);
  const issuedAt = ctx.now;
  const expiresAt = new Date(issuedAt.getTime() + policy.reportValidDays * 86_400_000);
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  const payload = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'EcoCreditReport'],
    id: `urn:eco-credit:report:${reportId}`,
    issuer,
    validFrom: issuedAt.toISOString(),
    validUntil: expiresAt.toISOString(),
    credentialSubject,
    purpose: input.purpose,
    scopes,
    consent: { id: consent.id, grantedAt: consent.grantedAt, expiresAt: consent.expiresAt },
    audienceName: p.name,
    ruleSets: ruleSets.filter((r, i) => ruleSets.findIndex((o) => o.hash === r.hash) === i),
  };
  const jws = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: REPORT_TYPE })
    .setIssuer(issuer)
    .setSubject(`urn:eco-credit:subject:${subject.id}`)
    .setAudience(p.clientId)
    .setIssuedAt(seconds(issuedAt))
    .setNotBefore(seconds(issuedAt))
    .setExpirationTime(seconds(expiresAt))
    .setJti(reportId)
    .sign(await ctx.deps.signingKeys.privateKey(key.kid));

  const { db } = ctx.deps.storage;
  const issued: IssuedReport = {
    reportId,
    report: jws,
    kid: key.kid,
    issuer,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    consentId: consent.id,
  };
  // The report, the key's publication horizon and the query-log line are written together or not at all.
  await commit(
    ctx,
    [
      db
        .insert(reports)
        .values({
          id: reportId,
          districtId: ctx.districtId,
          subjectId: subject.id,
          bankClientId: p.clientId,
          consentId: consent.id,
          kid: key.kid,
          purpose: input.purpose,
          scopes: JSON.stringify(scopes),
          issuedAt: issuedAt.toISOString(),
          expiresAt: expiresAt.toISOString(),
          jwsHash: await sha256Hex(jws),
        })
        .returning({ id: reports.id }),
      db
        .update(signingKeys)
        .set({ lastReportExpiresAt: sql`MAX(COALESCE(${signingKeys.lastReportExpiresAt}, ''), ${expiresAt.toISOString()})` })
        .where(eq(signingKeys.kid, key.kid))
        .returning({ kid: signingKeys.kid }),
      db
        .insert(queryLog)
        .values(queryLogEntry(ctx, subject.id, 'issueCreditReport', { purpose: input.purpose, consentId: consent.id, reportId }))
        .returning({ seq: queryLog.seq }),
    ],
    issued,
  );
  ctx.deps.metrics?.count('reportsIssued', ctx.districtId);
  return issued;
}
