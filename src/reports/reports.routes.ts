import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import type { JSONWebKeySet } from 'jose';
import { ownSubject } from '../identity/subjects.service.js';
import { apiClients, districts } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { allow } from '../platform/http/auth.js';
import type { AppEnv } from '../platform/http/env.js';
import { bearerSecurity, createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses } from '../platform/http/openapi.js';
import { principalRef } from '../platform/http/principal.js';
import { pageOf, pageQuery } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import {
  type ConsentRow,
  type ConsentSubject,
  consentState,
  consentSubjectOf,
  grantConsent,
  listConsents,
  PURPOSES,
  revokeConsent,
  SCOPES,
} from './consents.service.js';
import { listLog } from './query-log.service.js';
import { issueReport } from './reports.service.js';
import { publishedKeys } from './signing-keys.service.js';
import { verifyCreditReport } from './verify.service.js';

/** The district's URL as issuer of its reports; its JWKS is `${issuer}/.well-known/jwks.json`. */
export function issuerFor(c: Context<AppEnv>, districtId: string): string {
  const base = c.var.deps.config.publicBaseUrl ?? new URL(c.req.url).origin;
  return `${base}/districts/${districtId}`;
}

const Purpose = z.enum(PURPOSES);
const Scope = z.enum(SCOPES);

const Consent = z
  .object({
    id: z.string(),
    subjectId: z.string(),
    bankClientId: z.string(),
    bankName: z.string(),
    purpose: Purpose,
    scopes: z.array(Scope),
    grantedAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    state: z.enum(['active', 'revoked', 'expired']),
    evidence: z.record(z.string(), z.unknown()),
    subject: z
      .object({ kind: z.enum(['firm', 'resident']), displayId: z.string(), name: z.string().nullable() })
      .describe('Who gave it: a firm by its code and name, a resident by the masked ID number only'),
  })
  .openapi('Consent');

const toConsent = (r: ConsentRow, now: Date, subject: ConsentSubject): z.infer<typeof Consent> => {
  const evidence = JSON.parse(r.evidence) as Record<string, unknown>;
  return {
    id: r.id,
    subjectId: r.subjectId,
    bankClientId: r.bankClientId,
    bankName: String(evidence.bankName ?? ''),
    purpose: r.purpose,
    scopes: JSON.parse(r.scopes) as Array<z.infer<typeof Scope>>,
    grantedAt: r.grantedAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    state: consentState(r, now),
    evidence,
    subject,
  };
};

const grantRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/consents',
  operationId: 'grantConsent',
  tags: ['Reports'],
  summary: 'Let a bank see your eco-credit for a purpose (with your own token)',
  description:
    'Valid for as long as the district policy in force says (`getDistrictPolicy`; shipped: 90 days) unless `expiresAt` says otherwise, and at most its maximum (shipped: 365 days); revocable at any time. Stored with its evidence.',
  security: bearerSecurity,
  middleware: [allow('subject')] as const,
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({
          bankClientId: z.string().min(1).max(64),
          purpose: Purpose,
          scopes: z.array(Scope).min(1),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
          statement: z.string().max(2000).optional(),
        })
        .openapi('GrantConsent', {
          example: { bankClientId: 'cli_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b', purpose: 'loan-application', scopes: ['credit', 'points-summary'] },
        }),
    ),
  },
  responses: {
    201: { description: 'Granted', content: { 'application/json': { schema: Consent } } },
    ...problemResponses(400, 401, 403, 404, 409, 415),
  },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/consents/{consentId}/revocation',
  operationId: 'revokeConsent',
  tags: ['Reports'],
  summary: 'Withdraw a consent at once',
  description: "With the subject's own token: the consent ends at once; no report is delivered on it from then on.",
  security: bearerSecurity,
  middleware: [allow('subject')] as const,
  request: {
    params: DistrictParam.extend({
      consentId: pathId('consentId'),
    }),
  },
  responses: { 200: { description: 'Revoked', content: { 'application/json': { schema: Consent } } }, ...problemResponses(401, 403, 404, 409) },
});

const listConsentsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/consents',
  operationId: 'listConsents',
  tags: ['Reports'],
  summary: 'Consents: a subject sees its own, a bank those given to it, the bureau and auditors all',
  description:
    'A subject sees its own consents, a bank those given to it, the bureau and auditors all; each with its state (active, revoked, expired) and evidence.',
  security: bearerSecurity,
  middleware: [allow('subject', 'bank', 'bureau', 'auditor')] as const,
  request: { params: DistrictParam, query: z.strictObject({ subjectId: z.string().max(64).optional() }) },
  responses: {
    200: { description: 'Consents', content: { 'application/json': { schema: z.object({ items: z.array(Consent) }) } } },
    ...problemResponses(400, 401, 403),
  },
});

const listBanksRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/banks',
  operationId: 'listBanks',
  tags: ['Reports'],
  summary: 'The banks of the district a subject can give consent to',
  description: 'The banks (bank clients) of the district, by id and name, so that a subject can choose whom to give consent to.',
  security: bearerSecurity,
  request: { params: DistrictParam },
  responses: {
    200: {
      description: 'Banks',
      content: { 'application/json': { schema: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
    },
    ...problemResponses(401, 403),
  },
});

const issueRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/reports',
  operationId: 'issueCreditReport',
  tags: ['Reports'],
  summary: 'Receive a signed eco-credit report on a subject who consented',
  description:
    'Needs a live consent of the subject for your bank, this purpose and these scopes; otherwise 403 with the reason and nothing is delivered. The report is a compact JWS (EdDSA, `typ: vc+jwt`, a W3C VC 2.0 credential) for your bank as audience, verifiable offline against the JWKS at `{issuer}/.well-known/jwks.json`. Every report is in the subject’s query log.',
  security: bearerSecurity,
  middleware: [allow('bank')] as const,
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({
          subjectId: z.string().min(1).max(64),
          purpose: Purpose,
          scopes: z.array(Scope).min(1).default(['credit']),
          assessmentIds: z
            .array(z.string().min(1).max(64))
            .max(20)
            .optional()
            .openapi({ description: 'GEP eco-loan assessments of this subject to include (scope gep-assets)' }),
        })
        .openapi('IssueCreditReport', {
          example: { subjectId: 'sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b', purpose: 'loan-application', scopes: ['credit'] },
        }),
    ),
  },
  responses: {
    201: {
      description: 'The signed report',
      content: {
        'application/json': {
          schema: z
            .object({
              reportId: z.string(),
              report: z.string().describe('Compact JWS'),
              kid: z.string(),
              issuer: z.string(),
              jwksUrl: z.string(),
              issuedAt: z.string(),
              expiresAt: z.string(),
              consentId: z.string(),
            })
            .openapi('SignedCreditReport'),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

const Jwk = z
  .object({
    kty: z.string(),
    crv: z.string().optional(),
    x: z.string().optional(),
    kid: z.string().optional(),
    alg: z.string().optional(),
    use: z.string().optional(),
  })
  .passthrough();
const Jwks = z.object({ keys: z.array(Jwk) }).openapi('Jwks');

const verifyRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/reports/verification',
  operationId: 'verifyCreditReport',
  tags: ['Reports'],
  summary: 'Check a report: its payload if genuine, the exact reason if not',
  description:
    'Verifies against the district’s published JWKS, or against a `jwks` you send (e.g. one saved years ago); `verifiedWith` says which. A report that claims to come from this district is never genuine under a key the district did not publish (reason not-published-key). Reasons: malformed, unknown-kid, bad-signature, expired, not-yet-valid, wrong-audience, wrong-issuer, wrong-type, not-published-key. A bank’s own audience is checked unless `audience` names another.',
  security: bearerSecurity,
  middleware: [allow('bank', 'bureau', 'auditor')] as const,
  request: {
    params: DistrictParam,
    body: jsonBody(
      z
        .strictObject({
          report: z.string().min(1).max(1_000_000),
          jwks: Jwks.optional(),
          audience: z.string().max(200).optional(),
          at: z.iso.datetime({ offset: true }).optional().describe('Check validity at this moment instead of now'),
        })
        .openapi('VerifyCreditReport'),
    ),
  },
  responses: {
    200: {
      description: 'Genuine',
      content: {
        'application/json': {
          schema: z
            .object({
              valid: z.literal(true),
              verifiedWith: z
                .enum(['district-keys', 'supplied-keys'])
                .describe('district-keys: the keys this district publishes; supplied-keys: the key set sent with the request'),
              header: z.record(z.string(), z.unknown()),
              payload: z.record(z.string(), z.unknown()),
            })
            .openapi('VerifiedCreditReport'),
        },
      },
    },
    ...problemResponses(400, 401, 403, 415, 422),
  },
});

const QueryLogEntry = z
  .object({
    seq: z.number().int(),
    subjectId: z.string(),
    at: z.string(),
    actor: z.string(),
    actorName: z.string(),
    actorRole: z.string(),
    action: z.string(),
    purpose: z.string(),
    consentId: z.string().nullable(),
    reportId: z.string().nullable(),
  })
  .openapi('QueryLogEntry');

const logRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/query-log',
  operationId: 'listQueryLog',
  tags: ['Reports'],
  summary: 'Who read a subject’s data: a subject sees its own log, a bank its own queries, auditors all',
  description:
    "Every report and every read of a subject's data by anyone but the subject, newest first: who, when, for what purpose, under which consent. A subject sees its own, a bank its own queries, auditors all.",
  security: bearerSecurity,
  middleware: [allow('subject', 'auditor', 'bank')] as const,
  request: {
    params: DistrictParam,
    query: z.strictObject({
      subjectId: z.string().max(64).optional(),
      ...pageQuery(100),
    }),
  },
  responses: {
    200: {
      description: 'Newest first',
      content: { 'application/json': { schema: pageOf(QueryLogEntry) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export const reportRoutes = createRouter()
  .openapi(grantRoute, async (c) => {
    const ctx = serviceContext(c);
    const row = await grantConsent(ctx, c.req.valid('json'));
    return c.json(toConsent(row, ctx.now, consentSubjectOf(await ownSubject(ctx))), 201);
  })
  .openapi(revokeRoute, async (c) => {
    const ctx = serviceContext(c);
    const row = await revokeConsent(ctx, c.req.valid('param').consentId);
    return c.json(toConsent(row, ctx.now, consentSubjectOf(await ownSubject(ctx))), 200);
  })
  .openapi(listConsentsRoute, async (c) => {
    const ctx = serviceContext(c);
    return c.json({ items: (await listConsents(ctx, c.req.valid('query'))).map((r) => toConsent(r.row, ctx.now, r.subject)) }, 200);
  })
  .openapi(listBanksRoute, async (c) => {
    const ctx = serviceContext(c);
    const rows = await ctx.deps.storage.db
      .select({ id: apiClients.id, name: apiClients.name })
      .from(apiClients)
      .where(and(eq(apiClients.districtId, ctx.districtId), eq(apiClients.role, 'bank'), isNull(apiClients.revokedAt)));
    return c.json({ items: rows }, 200);
  })
  .openapi(issueRoute, async (c) => {
    const ctx = serviceContext(c);
    const issuer = issuerFor(c, ctx.districtId);
    const issued = await issueReport(ctx, c.req.valid('json'), issuer);
    return c.json({ ...issued, jwksUrl: `${issuer}/.well-known/jwks.json` }, 201);
  })
  .openapi(verifyRoute, async (c) => {
    const ctx = serviceContext(c);
    const body = c.req.valid('json');
    const verified = await verifyCreditReport(
      ctx,
      // The schema checks the shape of each key; jose checks the rest.
      { report: body.report, jwks: body.jwks as JSONWebKeySet | undefined, audience: body.audience, at: body.at ? new Date(body.at) : undefined },
      issuerFor(c, ctx.districtId),
    );
    return c.json(verified, 200);
  })
  .openapi(logRoute, async (c) => {
    const ctx = serviceContext(c);
    const q = c.req.valid('query');
    const p = ctx.principal;
    const subjectId = p.type === 'subject' ? (await ownSubject(ctx)).id : q.subjectId;
    // A bank sees the queries it made itself, nobody else's.
    const actor = p.type === 'client' && p.role === 'bank' ? principalRef(p) : undefined;
    const page = await listLog(ctx, { subjectId, actor, before: q.cursor === undefined ? undefined : Number(q.cursor), limit: q.limit });
    return c.json({ items: page.items.map(({ districtId: _d, ...rest }) => rest), nextCursor: page.nextCursor }, 200);
  });

const jwksRoute = createRoute({
  method: 'get',
  path: '/districts/{districtId}/.well-known/jwks.json',
  operationId: 'getJwks',
  tags: ['Reports'],
  summary: 'The public keys that verify the district’s reports (no credentials needed)',
  security: [],
  description:
    'The active key and every retired key that signed a report not yet expired. Derived from a report’s issuer: `{iss}/.well-known/jwks.json`.',
  request: { params: DistrictParam },
  responses: { 200: { description: 'JWKS', content: { 'application/json': { schema: Jwks } } }, ...problemResponses(404) },
});

/** Public: outside /v1, so no credentials are asked for. */
export const jwksRoutes = createRouter().openapi(jwksRoute, async (c) => {
  const { districtId } = c.req.valid('param');
  const deps = c.var.deps;
  const [district] = await deps.storage.db.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
  if (!district) throw fail.notFound(`no district '${districtId}'`);
  const ctx = {
    deps,
    districtId,
    now: deps.clock.now(),
    principal: { type: 'client' as const, clientId: 'public', districtId, role: 'auditor' as const, agency: null, name: 'public' },
  };
  c.header('cache-control', 'public, max-age=300');
  // Public keys are stored as written by jose's exportJWK: OKP keys with crv, x, kid, alg and use.
  const keys = (await publishedKeys(ctx)) as unknown as Array<z.infer<typeof Jwk>>;
  return c.json({ keys }, 200);
});
