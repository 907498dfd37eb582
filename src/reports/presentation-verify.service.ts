/**
 * verifyCredentialPresentation: a bank sends what a subject presented to it, with the nonce it gave
 * the subject; the answer is what was disclosed, or the exact reason the presentation is refused. The
 * same checks as the offline verifier (presentation.ts), against the district's published keys, and
 * the credential's status. The read is logged for the subject like any other.
 */
import { and, eq } from 'drizzle-orm';
import { logRead } from '../platform/audit/query-log.js';
import type { ServiceContext } from '../platform/context.js';
import { subjects } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { districtPolicy } from '../rules/district-policy.service.js';
import type { ClaimGroup, Purpose } from '../rules/kinds/district-policy/body.js';
import { verifyPresentation } from './presentation.js';
import { publishedKeys } from './signing-keys.service.js';
import type { StatusCheck } from './status-list.js';
import { tokenStatus } from './verify.service.js';

export interface PresentationInput {
  presentation: string;
  nonce: string;
  audience?: string | undefined;
  /** The purpose the bank asked for: a presentation that discloses more than it allows is refused. */
  purpose?: Purpose | undefined;
  statusList?: string | undefined;
  maxKeyBindingAgeSeconds?: number | undefined;
}

export interface VerifiedPresentationAnswer {
  valid: true;
  disclosed: ClaimGroup[];
  claims: Record<string, unknown>;
  keyBinding: { aud: string; nonce: string; iat: number };
  status: StatusCheck;
}

export async function verifyCredentialPresentation(
  ctx: ServiceContext,
  input: PresentationInput,
  districtIssuer: string,
): Promise<VerifiedPresentationAnswer> {
  const p = ctx.principal;
  const audience = input.audience ?? (p.type === 'client' ? p.clientId : '');
  const jwks = { keys: await publishedKeys(ctx) };
  const result = await verifyPresentation(input.presentation, jwks, {
    nonce: input.nonce,
    audience,
    now: ctx.now,
    issuer: districtIssuer,
    maxKeyBindingAgeSeconds: input.maxKeyBindingAgeSeconds,
  });
  if (!result.valid) {
    throw new DomainError(`presentation-${result.reason}`, result.detail, {
      fields: [{ pointer: '/presentation', detail: result.detail }],
      extensions: { reason: result.reason },
    });
  }
  if (input.purpose) {
    const allowed = (await districtPolicy(ctx, ctx.now)).claimsFor(input.purpose);
    const beyond = result.disclosed.filter((g) => !allowed.includes(g));
    if (beyond.length > 0) {
      throw new DomainError(
        'purpose-not-allowed',
        `the presentation discloses ${beyond.join(', ')}, which '${input.purpose}' may not receive; ask for less`,
        {
          fields: [{ pointer: '/presentation', detail: `not allowed for ${input.purpose}: ${beyond.join(', ')}` }],
          extensions: { purpose: input.purpose, refused: beyond, allowed },
        },
      );
    }
  }
  const status = await tokenStatus(ctx, result.claims, districtIssuer, { at: ctx.now, statusList: input.statusList, jwks });
  if (status.checked && status.status !== 'valid') {
    const detail =
      status.status === 'revoked'
        ? 'the district revoked this credential: an objection to a record it carried was upheld'
        : 'the district suspended this credential';
    throw new DomainError(`presentation-${status.status}`, detail, {
      fields: [{ pointer: '/presentation', detail }],
      extensions: { reason: status.status, tokenStatus: status },
    });
  }
  // The subject's own data was read by someone else: it goes in the subject's query log.
  const subjectId = String(result.claims.sub ?? '').replace(/^urn:eco-credit:subject:/, '');
  const [known] = await ctx.deps.storage.db
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.districtId, ctx.districtId), eq(subjects.id, subjectId)));
  if (known) await logRead(ctx, known.id, 'verifyCredentialPresentation', { purpose: input.purpose });
  return { valid: true, disclosed: result.disclosed, claims: result.claims, keyBinding: result.keyBinding, status };
}
