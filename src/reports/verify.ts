/**
 * Verifying a report needs nothing of ours but the JWKS: a bank can do it offline, years later, with a
 * saved key set. Used by the verify operation and the CLI; pure apart from the clock it is given.
 */
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';

/** The JOSE `typ` of a W3C VC 2.0 credential secured as a JWT. */
export const REPORT_TYPE = 'vc+jwt';

export type VerifyFailure =
  | 'malformed'
  | 'unknown-kid'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'wrong-type'
  | 'retired-key';

export type VerifyResult =
  | { valid: true; header: ProtectedHeaderParameters; payload: JWTPayload }
  | { valid: false; reason: VerifyFailure; detail: string };

export async function verifyReport(
  report: string,
  jwks: JSONWebKeySet,
  options: { audience?: string | undefined; issuer?: string | undefined; now?: Date | undefined } = {},
): Promise<VerifyResult> {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(report.trim());
  } catch {
    return { valid: false, reason: 'malformed', detail: 'not a compact JWS: the report is truncated or damaged' };
  }
  if (!header.kid || !jwks.keys.some((k) => k.kid === header.kid)) {
    return { valid: false, reason: 'unknown-kid', detail: `no key '${header.kid ?? '(none)'}' in the key set` };
  }
  try {
    const { payload, protectedHeader } = await jwtVerify(report.trim(), createLocalJWKSet(jwks), {
      algorithms: ['EdDSA'],
      typ: REPORT_TYPE,
      ...(options.audience ? { audience: options.audience } : {}),
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.now ? { currentDate: options.now } : {}),
    });
    const key = jwks.keys.find((k) => k.kid === protectedHeader.kid) as { retired_at?: unknown } | undefined;
    if (typeof key?.retired_at === 'number' && typeof payload.iat === 'number' && payload.iat > key.retired_at) {
      return {
        valid: false,
        reason: 'retired-key',
        detail: `signed at ${new Date(payload.iat * 1000).toISOString()} by key '${protectedHeader.kid}', which the district retired at ${new Date(key.retired_at * 1000).toISOString()}`,
      };
    }
    return { valid: true, header: protectedHeader, payload };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return { valid: false, reason: 'bad-signature', detail: 'the signature does not match the content: it was changed or signed by another key' };
    if (error instanceof errors.JWTExpired)
      return { valid: false, reason: 'expired', detail: `the report expired at ${new Date(Number(error.payload.exp) * 1000).toISOString()}` };
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud')
        return {
          valid: false,
          reason: 'wrong-audience',
          detail: `the report was issued to ${JSON.stringify(error.payload.aud)}, not ${options.audience}`,
        };
      if (error.claim === 'nbf' || error.claim === 'iat') return { valid: false, reason: 'not-yet-valid', detail: 'the report is not valid yet' };
      if (error.claim === 'iss') return { valid: false, reason: 'wrong-issuer', detail: `the report was issued by ${String(error.payload.iss)}` };
      if (error.claim === 'typ') return { valid: false, reason: 'wrong-type', detail: `the report's type is not ${REPORT_TYPE}` };
      return { valid: false, reason: 'malformed', detail: error.message };
    }
    if (error instanceof errors.JWKSNoMatchingKey) return { valid: false, reason: 'unknown-kid', detail: `no key '${header.kid}' fits` };
    return { valid: false, reason: 'malformed', detail: error instanceof Error ? error.message : 'cannot be read' };
  }
}
