/**
 * `eco-credit-service/client`: what an integrator (a bank, an agency) needs, in a browser, in Node or in
 * Workers. A typed client for the HTTP API (openapi-fetch over types generated from the OpenAPI document)
 * the offline verifier of signed reports (jose, WebCrypto only), the holder's and the bank's sides of a
 * credential presentation (SD-JWT VC through the @sd-jwt packages), and the reader of the district's
 * status lists. Nothing here reaches a database or a Node API.
 *
 * ```ts
 * import { createClient, verifyReport } from 'eco-credit-service/client';
 * const api = createClient({ baseUrl: 'https://credit.example.gov.cn', apiKey: process.env.BANK_KEY });
 * const { data, error } = await api.GET('/v1/districts/{districtId}/consents', { params: { path: { districtId: 'chongming' } } });
 * ```
 */
import createFetchClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.generated.js';

export {
  CREDENTIAL_MEDIA_TYPE,
  createPresentation,
  type PresentationFailure,
  type PresentationResult,
  type PresentOptions,
  type VerifiedPresentation,
  type VerifyPresentationOptions,
  verifyPresentation,
} from '../reports/presentation.js';
export { fetchStatus, readStatus, type StatusCheck, type StatusReference, statusReferenceOf } from '../reports/status-list.js';
export { REPORT_TYPE, type VerifyFailure, type VerifyResult, verifyReport } from '../reports/verify.js';
export type { components, operations, paths };

/** Every error answer: RFC 9457 problem details, `errors` naming each bad field. */
export type Problem = components['schemas']['Problem'];
/** A signed report as `issueCreditReport` returns it. */
export type SignedCreditReport = components['schemas']['SignedCreditReport'];
/** A public key set as `getJwks` serves it, to keep beside the reports it verifies. */
export type Jwks = components['schemas']['Jwks'];

/** Answers of any media type are typed: JSON for success, `application/problem+json` for errors. */
export type EcoCreditClient = Client<paths>;

export interface ClientOptions {
  /** The service's origin, e.g. `https://credit.example.gov.cn`. */
  baseUrl: string;
  /** A client's API key (`eck_…`), or a subject token (a JWT from the identity provider). */
  apiKey?: string | undefined;
  /** Another fetch: a Worker's service binding, a test's app, a proxy. */
  fetch?: (request: Request) => Promise<Response>;
}

/** A typed client: paths, parameters, bodies and answers as the OpenAPI document states them. */
export function createClient(options: ClientOptions): EcoCreditClient {
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.apiKey) {
    const authorization = `Bearer ${options.apiKey}`;
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', authorization);
        return request;
      },
    });
  }
  return client;
}

/** Where a report's issuer publishes its keys: `{iss}/.well-known/jwks.json`. Fetch it once, keep it. */
export function jwksUrlOf(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
}
