/**
 * Signed eco-credit reports: what a bank receives with the subject's consent. A compact JWS (EdDSA,
 * `kid` in the header) in the W3C VC 2.0 JOSE form (`typ: vc+jwt`), carrying only the claim groups the
 * consented scopes cover and the district policy allows for the purpose, with a status entry in the
 * district's status list; verifiable offline against the district's JWKS.
 */
import { eq, sql } from 'drizzle-orm';
import { type Purpose, requireConsent, SCOPES, type Scope } from '../consents/consents.service.js';
import { getSubject } from '../identity/subjects.service.js';
import { readLogStatements } from '../platform/audit/query-log.js';
import type { ServiceContext } from '../platform/context.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { reports, signingKeys } from '../platform/db/schema.js';
import { DomainError, fail } from '../platform/errors.js';
import { sha256Hex } from '../platform/util/crypto.js';
import { newId } from '../platform/util/ids.js';
import { signEdDsaJwt } from '../platform/util/jws.js';
import { districtPolicy } from '../rules/district-policy.service.js';
import type { ClaimGroup } from '../rules/kinds/district-policy/body.js';
import type { CompiledDistrictPolicy } from '../rules/kinds/district-policy/compile.js';
import { distinctRuleSets, GROUPS_OF_SCOPE, gatherClaims, ordered, scopeOf } from './claims.js';
import { activeKey } from './signing-keys.service.js';
import { allocateSlot, isSlotTaken, statusEntryStatements, statusListUri } from './status-list.service.js';
import { REPORT_TYPE } from './verify.js';

export interface IssueInput {
  subjectId: string;
  purpose: Purpose;
  /** The consent scopes asked for; without them, those of `claims`, or `credit`. */
  scopes?: Scope[] | undefined;
  /** Exactly these claim groups; without them, every group of the scopes that the purpose allows. */
  claims?: ClaimGroup[] | undefined;
  /** GEP eco-loan assessments of this subject to include (claim group assessments). */
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
  claims: ClaimGroup[];
  status: { idx: number; uri: string };
}

/**
 * The claim groups a request gets. Named claims are checked one by one: each must lie in a scope
 * asked for and be allowed for the purpose, or the request is refused (purpose-not-allowed), whatever
 * the consent covers. Without named claims the report carries the groups of its scopes that the
 * purpose allows, and a scope of which the purpose allows nothing is refused.
 */
export function claimsForRequest(input: IssueInput, policy: CompiledDistrictPolicy): { scopes: Scope[]; claims: ClaimGroup[] } {
  const named = input.claims ? ordered(input.claims) : undefined;
  const scopes = SCOPES.filter((s) => (input.scopes ? input.scopes.includes(s) : named ? named.some((g) => scopeOf(g) === s) : s === 'credit'));
  const allowed = policy.claimsFor(input.purpose);
  if (named) {
    const outside = named.filter((g) => !scopes.includes(scopeOf(g)));
    if (outside.length > 0) {
      throw fail.invalid(`${outside.join(', ')} lie outside the scopes asked for (${scopes.join(', ')})`, [
        { pointer: '/claims', in: 'body', detail: `${outside.join(', ')} need scope ${[...new Set(outside.map(scopeOf))].join(', ')}` },
      ]);
    }
    const refused = named.filter((g) => !allowed.includes(g));
    if (refused.length > 0) throw purposeNotAllowed(input.purpose, refused, allowed, '/claims');
    return { scopes, claims: named };
  }
  for (const scope of scopes) {
    if (!GROUPS_OF_SCOPE[scope].some((g) => allowed.includes(g)))
      throw purposeNotAllowed(input.purpose, [...GROUPS_OF_SCOPE[scope]], allowed, '/scopes');
  }
  return { scopes, claims: ordered(scopes.flatMap((s) => GROUPS_OF_SCOPE[s]).filter((g) => allowed.includes(g))) };
}

const purposeNotAllowed = (purpose: Purpose, refused: readonly ClaimGroup[], allowed: readonly ClaimGroup[], pointer: string) =>
  new DomainError(
    'purpose-not-allowed',
    `the district policy does not let '${purpose}' receive ${refused.join(', ')}; it allows ${allowed.length ? allowed.join(', ') : 'nothing'}`,
    { fields: [{ pointer, in: 'body', detail: `not allowed for ${purpose}: ${refused.join(', ')}` }], extensions: { purpose, refused, allowed } },
  );

/** `issuer` is the district's URL; its JWKS is at `${issuer}/.well-known/jwks.json`, its status lists at `${issuer}/status-lists/{n}`. */
export async function issueReport(ctx: ServiceContext, input: IssueInput, issuer: string): Promise<IssuedReport> {
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'bank') throw fail.forbidden('only a bank receives reports');
  const committed = committedOutcome<IssuedReport>(ctx);
  if (committed) return committed;
  const policy = await districtPolicy(ctx, ctx.now);
  // Minimum necessary first: what the purpose may not receive is refused before any consent is looked at.
  const { scopes, claims } = claimsForRequest(input, policy);
  const subject = await getSubject(ctx, input.subjectId);
  const consent = await requireConsent(ctx, subject.id, p.clientId, input.purpose, scopes);
  if (input.assessmentIds?.length && !claims.includes('assessments')) {
    throw fail.invalid('assessments need the claim group assessments (scope gep-assets)', [
      { pointer: '/assessmentIds', in: 'body', detail: 'needs claim group assessments' },
    ]);
  }
  const gathered = await gatherClaims(ctx, subject, claims, { marksInItems: claims.includes('disputes'), assessmentIds: input.assessmentIds ?? [] });
  const v = gathered.values;
  const credentialSubject: Record<string, unknown> = {
    id: `urn:eco-credit:subject:${subject.id}`,
    kind: subject.kind,
    // Minimum necessary: a firm is named by its public code, a resident only by the masked number.
    displayId: subject.displayId,
    ...(subject.kind === 'firm' && subject.name ? { name: subject.name } : {}),
    district: ctx.districtId,
  };
  if (v.score || v.items || v.lists || v.disputes) {
    credentialSubject.credit = {
      ...(v.score as Record<string, unknown> | undefined),
      ...(v.items ? { items: v.items } : {}),
      ...(v.lists ? { lists: v.lists } : {}),
      ...(v.disputes as Record<string, unknown> | undefined),
    };
  }
  if (v['query-history']) credentialSubject.queryHistory = v['query-history'];
  if (v['points-summary']) credentialSubject.pointsSummary = v['points-summary'];
  if (v['gep-assets'] || v.assessments) {
    credentialSubject.gepAssets = {
      ...(v['gep-assets'] as Record<string, unknown> | undefined),
      ...(v.assessments ? { assessments: v.assessments } : {}),
    };
  }
  const ruleSets = distinctRuleSets([...gathered.ruleSets, policy.ruleSet]);

  const key = await activeKey(ctx);
  const privateKey = await ctx.deps.signingKeys.privateKey(key.kid);
  const issuedAt = ctx.now;
  const expiresAt = new Date(issuedAt.getTime() + policy.reportValidDays * 86_400_000);
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  const { db } = ctx.deps.storage;
  for (let attempt = 1; ; attempt++) {
    const slot = await allocateSlot(ctx);
    const reportId = newId('rpt', ctx.now);
    const status = { idx: slot.idx, uri: statusListUri(issuer, slot.listId) };
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
      claims,
      consent: { id: consent.id, grantedAt: consent.grantedAt, expiresAt: consent.expiresAt },
      audienceName: p.name,
      ruleSets,
      // The IETF Token Status List reference: revoked or suspended later in the list, never in the report.
      status: { status_list: status },
    };
    const jws = await signEdDsaJwt(
      { alg: 'EdDSA', kid: key.kid, typ: REPORT_TYPE },
      {
        ...payload,
        iss: issuer,
        sub: `urn:eco-credit:subject:${subject.id}`,
        aud: p.clientId,
        iat: seconds(issuedAt),
        nbf: seconds(issuedAt),
        exp: seconds(expiresAt),
        jti: reportId,
      },
      privateKey,
    );
    const issued: IssuedReport = {
      reportId,
      report: jws,
      kid: key.kid,
      issuer,
      issuedAt: issuedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      consentId: consent.id,
      claims,
      status,
    };
    try {
      // The report, its status entry, the key's publication horizon and the query-log line are written together or not at all.
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
              scopes,
              issuedAt: issuedAt.toISOString(),
              expiresAt: expiresAt.toISOString(),
              jwsHash: await sha256Hex(jws),
            })
            .returning({ id: reports.id }),
          ...statusEntryStatements(
            ctx,
            { id: reportId, slot, kind: 'report', subjectId: subject.id, consentId: consent.id, issuedAt, expiresAt },
            gathered.events,
          ),
          db
            .update(signingKeys)
            .set({ lastReportExpiresAt: sql`MAX(COALESCE(${signingKeys.lastReportExpiresAt}, ''), ${expiresAt.toISOString()})` })
            .where(eq(signingKeys.kid, key.kid))
            .returning({ kid: signingKeys.kid }),
          ...readLogStatements(ctx, subject.id, 'issueCreditReport', { purpose: input.purpose, consentId: consent.id, reportId }),
        ],
        issued,
      );
      ctx.deps.metrics?.count('reportsIssued', ctx.districtId);
      return issued;
    } catch (error) {
      // Another token took the same random slot a moment ago: take another one.
      if (isSlotTaken(error) && attempt < 5) continue;
      throw error;
    }
  }
}
