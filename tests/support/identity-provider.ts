/**
 * A real OpenID Connect provider for tests (oidc-provider), as the government's would be: residents
 * log in on its own page with their ID number (this test provider asks nothing else) and it vouches
 * for them; `subject_kind` comes from its userinfo endpoint. Start it, then register the pages'
 * redirect URI with `start` once the app's address is known.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { Provider } from 'oidc-provider';

const listening = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

const body = (req: IncomingMessage) =>
  new Promise<URLSearchParams>((resolve) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => resolve(new URLSearchParams(text)));
  });

export async function identityProvider() {
  const server = createServer();
  const issuer = await listening(server);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = await exportJWK(privateKey);
  const clientSecret = 'a-test-client-secret-of-enough-length-0123456789';
  const start = (redirectUri: string) => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'eco-pages',
          client_secret: clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: ['a-test-cookie-key-0123456789abcdef'] },
      claims: { openid: ['sub', 'subject_kind'] },
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, subject_kind: 'resident' }) }),
      features: { devInteractions: { enabled: false } },
      pkce: { required: () => true },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      // First-party client: no consent screen once the resident has logged in.
      loadExistingGrant: async (ctx) => {
        const accountId = ctx.oidc.session?.accountId;
        if (!accountId || !ctx.oidc.client) return undefined;
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
        grant.addOIDCScope('openid');
        await grant.save();
        return grant;
      },
    });
    const handle = provider.callback();
    server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
      const login = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
      if (!login) return handle(req, res);
      if (req.method === 'GET') {
        await provider.interactionDetails(req, res);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(
          `<!doctype html><html lang="zh-CN"><head><meta name="viewport" content="width=device-width"><title>统一身份认证</title></head><body><main><h1>统一身份认证（测试）</h1><form method="post" action="/interaction/${login[1]}/login"><label for="id">身份证号</label><input id="id" name="id"><button type="submit">登录</button></form></main></body></html>`,
        );
        return;
      }
      const form = await body(req);
      await provider.interactionFinished(req, res, { login: { accountId: form.get('id') ?? '' } }, { mergeWithLastSubmission: false });
    });
  };
  return { issuer, clientSecret, start, close: () => new Promise((r) => server.close(r)) };
}
