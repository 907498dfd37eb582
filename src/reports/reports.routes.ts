import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import type { JSONWebKeySet } from 'jose';
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
} from '../consents/consents.service.js';
import { ownSubject } from '../identity/subjects.service.js';
import { apiClients, districts } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import type { AppEnv } from '../platform/http/env.js';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses } from '../platform/http/openapi.js';
import { principalRef } from '../platform/http/principal.js';
import { pageOf, pageQuery } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { sha256Hex } from '../platform/util/crypto.js';
import { CONSENT_STATES, SUBJECT_KINDS } from '../platform/vocabulary.js';
import { CLAIM_GROUPS } from '../rules/kinds/district-policy/body.js';
import { issueOwnCredential } from './credentials.service.js';
import { CREDENTIAL_MEDIA_TYPE, KEY_BINDING_MAX_AGE_SECONDS } from './presentation.js';
import { verifyCredentialPresentation } from './presentation-verify.service.js';
import { listLog } from './query-log.service.js';
import { issueReport } from './reports.service.js';
import { publishedKeys } from './signing-keys.service.js';
import { STATUS_LIST_MEDIA_TYPE } from './status-list.js';
import { LIST_TTL_SECONDS, signedStatusList } from './status-list.service.js';
import { verifyCreditReport } from './verify.service.js';

/** The district's URL as issuer of its reports; its JWKS is `${issuer}/.well-known/jwks.json`. */
export function issuerFor(c: Context<AppEnv>, districtId: string): string {
  const base = c.var.deps.config.publicBaseUrl ?? new URL(c.req.url).origin;
  return `${base}/districts/${districtId}`;
}

const Purpose = z.enum(PURPOSES);
const Scope = z.enum(SCOPES);
const ClaimGroup = z.enum(CLAIM_GROUPS);

const StatusEntry = z
  .object({ idx: z.number().int(), uri: z.string() })
  .openapi('StatusEntry', { description: "The token's entry in the district's Token Status List (statuslist+jwt)" });

const StatusCheck = z
  .object({
    checked: z.boolean().describe('false: the status could not be checked, and `reason` says why; the token is not known to be revoked'),
    status: z.enum(['valid', 'revoked', 'suspended']).optional(),
    reason: z.enum(['no-status', 'unreachable', 'tampered', 'wrong-list', 'stale', 'out-of-range']).optional(),
    detail: z.string().optional(),
    uri: z.string().optional(),
    idx: z.number().int().optional(),
    listIssuedAt: z.string().optional(),
  })
  .openapi('StatusCheck');

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
    state: z.enum(CONSENT_STATES),
    evidence: z.record(z.string(), z.unknown()),
    subject: z
      .object({ kind: z.enum(SUBJECT_KINDS), displayId: z.string(), name: z.string().nullable() })
      .describe('Who gave it: a firm by its code and name, a resident by the masked ID number only'),
  })
  .openapi('Consent');

const toConsent = (r: ConsentRow, now: Date, subject: ConsentSubject): z.infer<typeof Consent> => {
  const evidence = r.evidence;
  return {
    id: r.id,
    subjectId: r.subjectId,
    bankClientId: r.bankClientId,
    bankName: String(evidence.bankName ?? ''),
    purpose: r.purpose,
    scopes: r.scopes,
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
    ...problemResponses(400, 404, 409, 415),
  },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/consents/{consentId}/revocation',
  operationId: 'revokeConsent',
  tags: ['Reports'],
  summary: 'Withdraw a consent at once',
  description: "With the subject's own token: the consent ends at once; no report is delivered on it from then on.",
  request: {
    params: DistrictParam.extend({
      consentId: pathId('consentId'),
    }),
  },
  responses: { 200: { description: 'Revoked', content: { 'application/json': { schema: Consent } } }, ...problemResponses(404, 409) },
});

const listConsentsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/consents',
  operationId: 'listConsents',
  tags: ['Reports'],
  summary: 'Consents: a subject sees its own, a bank those given to it, the bureau and auditors all',
  description:
    'A subject sees its own consents, a bank those given to it, the bureau and auditors all; each with its state (active, revoked, expired) and evidence.',
  request: { params: DistrictParam, query: z.strictObject({ subjectId: z.string().max(64).optional() }) },
  responses: {
    200: { description: 'Consents', content: { 'application/json': { schema: z.object({ items: z.array(Consent) }) } } },
    ...problemResponses(400),
  },
});

const listBanksRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/banks',
  operationId: 'listBanks',
  tags: ['Reports'],
  summary: 'The banks of the district a subject can give consent to',
  description: 'The banks (bank clients) of the district, by id and name, so that a subject can choose whom to give consent to.',
  request: { params: DistrictParam },
  responses: {
    200: {
      description: 'Banks',
      content: { 'application/json': { schema: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
    },
  },
});

const issueRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/reports',
  operationId: 'issueCreditReport',
  tags: ['Reports'],
  summary: 'Receive a signed eco-credit report on a subject who consented',
  description:
    'Needs a live consent of the subject for your bank, this purpose and these scopes; otherwise 403 with the reason and nothing is delivered. Minimum necessary: the report carries only the claim groups the district policy allows for the purpose (`getDistrictPolicy`); asking for more is refused (403 purpose-not-allowed) whatever the consent covers. The report is a compact JWS (EdDSA, `typ: vc+jwt`, a W3C VC 2.0 credential) for your bank as audience, verifiable offline against the JWKS at `{issuer}/.well-known/jwks.json`, with the subject’s query history (counts over 1, 3, 6 and 12 months by purpose and kind of institution) and a status entry in the district’s status list (`status.status_list`). Every report is in the subject’s query log.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({
          subjectId: z.string().min(1).max(64),
          purpose: Purpose,
          scopes: z
            .array(Scope)
            .min(1)
            .optional()
            .openapi({ description: 'The consented scopes asked for; default: those of `claims`, else credit' }),
          claims: z.array(ClaimGroup).min(1).optional().openapi({
            description:
              'Exactly these claim groups, each of which the district policy must allow for the purpose (else 403 purpose-not-allowed); default: every group of the scopes that the purpose allows',
          }),
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
              claims: z.array(ClaimGroup).describe('The claim groups the report carries'),
              status: StatusEntry,
            })
            .openapi('SignedCreditReport'),
        },
      },
    },
    ...problemResponses(400, 404, 409, 415, 422),
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
    'Verifies against the district’s published JWKS, or against a `jwks` you send (e.g. one saved years ago); `verifiedWith` says which. A report that claims to come from this district is never genuine under a key the district did not publish (reason not-published-key). Reasons: malformed, unknown-kid, bad-signature, expired, not-yet-valid, wrong-audience, wrong-issuer, wrong-type, not-published-key, retired-key (signed after its key was retired), and from the status list revoked (an objection to a record it carried was upheld) or suspended (the consent behind it was revoked or has expired); a status list sent as `statusList` that is not genuine is refused (status-list-tampered). `status` says whether the status was checked, and why not when it could not be. A bank’s own audience is checked unless `audience` names another.',
  request: {
    params: DistrictParam,
    body: jsonBody(
      z
        .strictObject({
          report: z.string().min(1).max(1_000_000),
          jwks: Jwks.optional(),
          audience: z.string().max(200).optional(),
          at: z.iso.datetime({ offset: true }).optional().describe('Check validity at this moment instead of now'),
          statusList: z
            .string()
            .min(1)
            .max(200_000)
            .optional()
            .describe("A status list (statuslist+jwt) you fetched and kept: checked (and refused if not genuine) instead of the district's list now"),
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
              status: StatusCheck,
            })
            .openapi('VerifiedCreditReport'),
        },
      },
    },
    ...problemResponses(400, 415, 422),
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
    ...problemResponses(400),
  },
});

const HolderKey = z
  .object({
    kty: z.enum(['OKP', 'EC']),
    crv: z.enum(['Ed25519', 'P-256']),
    x: z.string().min(1).max(200),
    y: z.string().min(1).max(200).optional(),
    kid: z.string().max(200).optional(),
    alg: z.string().max(20).optional(),
    use: z.string().max(20).optional(),
    d: z.string().optional().describe('Never send it: a private key is refused'),
  })
  .openapi('HolderKey', { description: 'The public key (JWK) of the device that will hold the credential: Ed25519 or P-256' });

const IssuedCredential = z
  .object({
    credentialId: z.string(),
    credential: z.string().describe('The SD-JWT VC (application/dc+sd-jwt): issuer-signed JWT, then every disclosure, each ending in ~'),
    mediaType: z.literal(CREDENTIAL_MEDIA_TYPE),
    kid: z.string(),
    issuer: z.string(),
    jwksUrl: z.string(),
    issuedAt: z.string(),
    expiresAt: z.string(),
    claims: z.array(ClaimGroup).describe('The claim groups the credential holds, each selectively disclosable'),
    status: StatusEntry,
  })
  .openapi('IssuedCredential');

const credentialRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/me/credentials',
  operationId: 'issueOwnCredential',
  tags: ['Reports'],
  summary: 'Download your own eco-credit credential (SD-JWT VC), bound to your key',
  description:
    'With your own token: an SD-JWT VC (`application/dc+sd-jwt`, IETF SD-JWT-based Verifiable Credentials) signed with the district’s key and bound (`cnf`) to the public key you send. Every claim group is selectively disclosable (score, items with their events (each item on its own), lists, disputes, query-history, points-summary, gep-assets, assessments); you show a bank only those its purpose needs, with a key-binding JWT over its nonce and audience. It carries a status entry in the district’s status list. Ask with `Accept: application/dc+sd-jwt` for the credential alone.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z.strictObject({ holderKey: HolderKey }).openapi('IssueOwnCredential', {
        example: { holderKey: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } },
      }),
    ),
  },
  responses: {
    201: {
      description: 'The credential',
      content: { 'application/json': { schema: IssuedCredential }, [CREDENTIAL_MEDIA_TYPE]: { schema: z.string() } },
    },
    ...problemResponses(400, 404, 409, 415, 422),
  },
});

const presentationRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/presentations/verification',
  operationId: 'verifyCredentialPresentation',
  tags: ['Reports'],
  summary: 'Check what a subject presented: the disclosed claim groups if genuine, the exact reason if not',
  description:
    'A subject presents some claim groups of its credential with a key-binding JWT over your nonce and your audience (your client id unless `audience` says otherwise). Verified against the district’s published keys, as the offline verifier of `eco-credit-service/client` does: reasons malformed, wrong-type, unknown-kid, retired-key, bad-signature, expired, not-yet-valid, wrong-issuer, disclosure-not-in-credential, key-binding-missing, key-binding-malformed, key-binding-bad-signature, key-binding-wrong-hash, key-binding-wrong-nonce, key-binding-wrong-audience, key-binding-expired, key-binding-not-yet-valid, revoked, suspended. With `purpose`, a presentation that discloses more than the district policy allows for it is refused (purpose-not-allowed). The read is in the subject’s query log.',
  request: {
    params: DistrictParam,
    body: jsonBody(
      z
        .strictObject({
          presentation: z.string().min(1).max(1_000_000),
          nonce: z.string().min(8).max(200).describe('The nonce you gave the subject for this presentation'),
          audience: z.string().max(200).optional(),
          purpose: Purpose.optional(),
          statusList: z
            .string()
            .min(1)
            .max(200_000)
            .optional()
            .describe("A status list you fetched and kept, checked instead of the district's list now"),
          maxKeyBindingAgeSeconds: z
            .number()
            .int()
            .min(1)
            .max(86_400)
            .optional()
            .describe(`How old the key binding may be; default ${KEY_BINDING_MAX_AGE_SECONDS}`),
        })
        .openapi('VerifyCredentialPresentation'),
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
              disclosed: z.array(ClaimGroup),
              claims: z.record(z.string(), z.unknown()).describe('The always-visible claims and the disclosed groups'),
              keyBinding: z.object({ aud: z.string(), nonce: z.string(), iat: z.number().int() }),
              status: StatusCheck,
            })
            .openapi('VerifiedPresentation'),
        },
      },
    },
    ...problemResponses(400, 415, 422),
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
      {
        report: body.report,
        jwks: body.jwks as JSONWebKeySet | undefined,
        audience: body.audience,
        at: body.at ? new Date(body.at) : undefined,
        statusList: body.statusList,
      },
      issuerFor(c, ctx.districtId),
    );
    return c.json(verified, 200);
  })
  .openapi(credentialRoute, async (c) => {
    const ctx = serviceContext(c);
    const issuer = issuerFor(c, ctx.districtId);
    const issued = await issueOwnCredential(ctx, c.req.valid('json'), issuer);
    if ((c.req.header('accept') ?? '').includes(CREDENTIAL_MEDIA_TYPE)) {
      return c.body(issued.credential, 201, {
        'content-type': CREDENTIAL_MEDIA_TYPE,
        'content-disposition': `attachment; filename="eco-credit-${issued.credentialId}.sd-jwt"`,
      });
    }
    return c.json({ ...issued, mediaType: CREDENTIAL_MEDIA_TYPE, jwksUrl: `${issuer}/.well-known/jwks.json` }, 201);
  })
  .openapi(presentationRoute, async (c) => {
    const ctx = serviceContext(c);
    const verified = await verifyCredentialPresentation(ctx, c.req.valid('json'), issuerFor(c, ctx.districtId));
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
  description:
    'The active key and every retired key that signed a report not yet expired. Derived from a report’s issuer: `{iss}/.well-known/jwks.json`.',
  request: { params: DistrictParam },
  responses: { 200: { description: 'JWKS', content: { 'application/json': { schema: Jwks } } }, ...problemResponses(404) },
});

const statusListRoute = createRoute({
  method: 'get',
  path: '/districts/{districtId}/status-lists/{listId}',
  operationId: 'getStatusList',
  tags: ['Reports'],
  summary: 'A status list of the district’s reports and credentials (no credentials needed)',
  description: `An IETF Token Status List (\`${STATUS_LIST_MEDIA_TYPE}\`, 2 bits a token: 0 valid, 1 revoked, 2 suspended), signed with the district’s key (verify it against the JWKS) and derived at the time of the request: a report or credential is revoked once an objection to a record it carried is upheld, and a bank’s report is suspended while the consent behind it is revoked or expired. Cacheable for ${LIST_TTL_SECONDS} seconds (its \`ttl\`); an \`ETag\` answers \`If-None-Match\` with 304.`,
  request: {
    params: DistrictParam.extend({
      listId: z.coerce
        .number()
        .int()
        .min(1)
        .max(1_000_000)
        .openapi({ param: { name: 'listId', in: 'path' }, example: 1 }),
    }),
  },
  responses: {
    200: { description: 'The signed list', content: { [STATUS_LIST_MEDIA_TYPE]: { schema: z.string() } } },
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    ...problemResponses(400, 404),
  },
});

/** Public: outside /v1, so no credentials are asked for. */
export const jwksRoutes = createRouter()
  .openapi(jwksRoute, async (c) => {
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
  })
  .openapi(statusListRoute, async (c) => {
    const { districtId, listId } = c.req.valid('param');
    const deps = c.var.deps;
    const [district] = await deps.storage.db.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
    if (!district) throw fail.notFound(`no district '${districtId}'`);
    const ctx = {
      deps,
      districtId,
      now: deps.clock.now(),
      principal: { type: 'client' as const, clientId: 'public', districtId, role: 'auditor' as const, agency: null, name: 'public' },
    };
    const list = await signedStatusList(ctx, issuerFor(c, districtId), listId);
    const etag = `"${(await sha256Hex(list.token)).slice(0, 32)}"`;
    const headers = { 'cache-control': `public, max-age=${LIST_TTL_SECONDS}`, etag };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(list.token, 200, { ...headers, 'content-type': STATUS_LIST_MEDIA_TYPE });
  });
