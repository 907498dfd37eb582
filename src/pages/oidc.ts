/**
 * Signing residents and firm representatives in on the pages with the configured OpenID Connect
 * provider: authorization code flow with PKCE (S256), state and nonce, the provider's discovery
 * document, and the ID token's signature checked against its JWKS. oauth4webapi does the protocol; it
 * runs on Node and on Workers alike (fetch and WebCrypto only).
 *
 * The subject is the ID token's `sub` (the resident ID number or the firm's USCC) and its kind the
 * `subject_kind` claim (`resident` or `firm`), from the ID token or else from the userinfo endpoint.
 */
import * as oauth from 'oauth4webapi';
import type { PagesOidcConfig } from '../platform/deps.js';
import type { SubjectKind } from '../platform/vocabulary.js';
import type { PendingLogin } from './session.js';

export interface OidcIdentity {
  /** The identifier the provider asserts: an ID number or a USCC. */
  sub: string;
  kind: SubjectKind;
  issuer: string;
}

/** Why a sign-in failed, for the log; the visitor reads a Chinese sentence. */
export class OidcSignInError extends Error {
  constructor(
    readonly reason: 'state' | 'provider-refused' | 'token' | 'claims',
    detail: string,
  ) {
    super(detail);
    this.name = 'OidcSignInError';
  }
}

// Plain http is accepted for a provider on this machine only (tests, local development).
const isLoopback = (url: string) => /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url);
const httpOptions = (config: PagesOidcConfig) => (isLoopback(config.issuer) ? { [oauth.allowInsecureRequests]: true } : {});

const servers = new Map<string, Promise<oauth.AuthorizationServer>>();

/** The provider's metadata, fetched once per issuer (and again after a failure). */
function authorizationServer(config: PagesOidcConfig): Promise<oauth.AuthorizationServer> {
  let server = servers.get(config.issuer);
  if (!server) {
    const issuer = new URL(config.issuer);
    server = oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...httpOptions(config) }).then((res) => oauth.processDiscoveryResponse(issuer, res));
    server.catch(() => servers.delete(config.issuer));
    servers.set(config.issuer, server);
  }
  return server;
}

const clientOf = (config: PagesOidcConfig): oauth.Client => ({ client_id: config.clientId });
const authOf = (config: PagesOidcConfig): oauth.ClientAuth => (config.clientSecret ? oauth.ClientSecretBasic(config.clientSecret) : oauth.None());

/** Where to send the visitor, and what to remember until the provider sends them back. */
export async function beginSignIn(config: PagesOidcConfig, redirectUri: string): Promise<{ url: URL; login: PendingLogin }> {
  const as = await authorizationServer(config);
  if (!as.authorization_endpoint) throw new OidcSignInError('provider-refused', 'the provider has no authorization endpoint');
  const login: PendingLogin = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
  };
  const url = new URL(as.authorization_endpoint);
  const scope = new Set(['openid', ...(config.scope ?? '').split(/\s+/).filter(Boolean)]);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: [...scope].join(' '),
    state: login.state,
    nonce: login.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(login.codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  return { url, login };
}

/** The provider's answer at the redirect URI, checked and exchanged for the identity it asserts. */
export async function finishSignIn(config: PagesOidcConfig, redirectUri: string, callback: URL, login: PendingLogin): Promise<OidcIdentity> {
  const as = await authorizationServer(config);
  const client = clientOf(config);
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callback, login.state);
  } catch (error) {
    const refused = error instanceof oauth.AuthorizationResponseError;
    throw new OidcSignInError(refused ? 'provider-refused' : 'state', error instanceof Error ? error.message : String(error));
  }
  let tokens: oauth.TokenEndpointResponse;
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(as, client, authOf(config), params, redirectUri, login.codeVerifier, httpOptions(config));
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: login.nonce, requireIdToken: true });
    await oauth.validateApplicationLevelSignature(as, response, httpOptions(config));
  } catch (error) {
    throw new OidcSignInError('token', error instanceof Error ? error.message : String(error));
  }
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  if (!claims) throw new OidcSignInError('token', 'no ID token');
  let kind = claims.subject_kind;
  if (kind === undefined) {
    try {
      const info = await oauth.userInfoRequest(as, client, tokens.access_token, httpOptions(config));
      kind = (await oauth.processUserInfoResponse(as, client, claims.sub, info)).subject_kind;
    } catch (error) {
      throw new OidcSignInError('claims', error instanceof Error ? error.message : String(error));
    }
  }
  if (kind !== 'resident' && kind !== 'firm')
    throw new OidcSignInError('claims', "the provider does not say whether this is a resident or a firm ('subject_kind')");
  return { sub: claims.sub, kind, issuer: as.issuer };
}
