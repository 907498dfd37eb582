/**
 * Signing in and out. Residents and firm representatives go to the configured OpenID Connect provider
 * and come back with an authorization code (PKCE, state and nonce checked); where the development
 * identity provider is on, its token can be pasted instead. Staff sign in with their API key. Either
 * way the pages keep a server-side session: the cookie holds only the session's random secret.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { chinaDate } from '../platform/clock.js';
import { districts } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import { isDomainError } from '../platform/errors.js';
import { clientPrincipal, subjectPrincipal } from '../platform/http/auth.js';
import type { Principal } from '../platform/http/principal.js';
import { subjectIdentifier } from '../platform/identifiers/subject-identifier.js';
import { messageOf } from '../platform/messages/zh-CN.js';
import { Page } from './layout.js';
import { beginSignIn, finishSignIn, OidcSignInError } from './oidc.js';
import { closeSession, LOGIN_TTL_MS, openLogin, openSession, SESSION_TTL_MS, takeLogin } from './session.js';
import { Alert, homeOf } from './ui.js';
import { callApi, type PagesContext, type PagesEnv } from './visitor.js';

export const SESSION_COOKIE = 'eco_session';
const LOGIN_COOKIE = 'eco_login';
export const DISTRICT = /^[a-z][a-z0-9-]{1,39}$/;

const secure = (c: PagesContext) => new URL(c.req.url).protocol === 'https:';
const base = (d: string) => `/app/districts/${d}`;

async function districtName(deps: AppDeps, d: string): Promise<string | undefined> {
  if (!DISTRICT.test(d)) return undefined;
  const [row] = await deps.storage.db.select({ name: districts.name }).from(districts).where(eq(districts.id, d));
  return row?.name;
}

const devTokensOn = (deps: AppDeps) => deps.config.environment !== 'production' && deps.subjectIssuers.some((i) => i.development);
const redirectUri = (c: PagesContext, d: string) => `${c.var.deps.config.publicBaseUrl ?? new URL(c.req.url).origin}${base(d)}/signin/callback`;

type Kind = 'subject' | 'bureau' | 'bank' | 'auditor' | 'recorder';
const kindOf = (p: Principal): Kind => (p.type === 'subject' ? 'subject' : p.role);

export function signInRoutes() {
  const r = new Hono<PagesEnv>();

  r.get('/', async (c) => {
    const list = await c.var.deps.storage.db.select().from(districts).orderBy(districts.id);
    return c.html(
      <Page title="请选择辖区">
        <section>
          <p>生态积分、生态信用、授权与查询记录，均按辖区办理。</p>
          <ul>
            {list.map((d) => (
              <li>
                <a href={base(d.id)}>{d.name}</a>
              </li>
            ))}
          </ul>
        </section>
      </Page>,
    );
  });

  const signInPage = async (c: PagesContext, d: string, problem?: string, status: 200 | 400 | 401 | 403 | 404 | 502 = 200) => {
    const name = await districtName(c.var.deps, d);
    if (!name) {
      return c.html(
        <Page title="未找到该辖区">
          <Alert>
            <p>没有这个辖区。</p>
          </Alert>
          <p>
            <a href="/app">选择辖区</a>
          </p>
        </Page>,
        404,
      );
    }
    const oidc = c.var.deps.config.pagesOidc;
    return c.html(
      <Page title={`登录 · ${name}`}>
        {problem ? (
          <Alert>
            <p>{problem}</p>
          </Alert>
        ) : null}
        <section aria-labelledby="residents">
          <h2 id="residents">居民、企业</h2>
          {oidc ? (
            <>
              <p>通过{oidc.displayName ?? '政务服务统一身份认证'}登录，查看本人的生态积分、信用和授权。</p>
              <p>
                <a class="button" href={`${base(d)}/signin/oidc`}>
                  {`用${oidc.displayName ?? '政务服务账号'}登录`}
                </a>
              </p>
            </>
          ) : (
            <p class="muted">本服务尚未接入政务服务统一身份认证。</p>
          )}
          {devTokensOn(c.var.deps) ? (
            <form method="post" action={`${base(d)}/signin/token`}>
              <label for="token">
                测试身份令牌<span class="hint">仅限开发环境：由本地开发身份提供方签发。</span>
              </label>
              <input id="token" name="token" type="password" required autocomplete="off" />
              <div class="actions">
                <button type="submit" class="secondary">
                  用令牌登录
                </button>
              </div>
            </form>
          ) : null}
        </section>
        <section aria-labelledby="staff">
          <h2 id="staff">主管部门、银行、审计、记录单位</h2>
          <form method="post" action={`${base(d)}/signin/key`}>
            <label for="key">
              接入密钥<span class="hint">由本辖区管理员发放，以 eck_ 开头。</span>
            </label>
            <input id="key" name="key" type="password" required autocomplete="off" />
            <div class="actions">
              <button type="submit">登录</button>
            </div>
          </form>
        </section>
      </Page>,
      status,
    );
  };

  r.get('/districts/:d', (c) => signInPage(c, c.req.param('d')));

  /** Ends any earlier session, opens one for `principal` and goes to the visitor's home page. */
  const signedIn = async (c: PagesContext, d: string, principal: Principal) => {
    await closeSession(c.var.deps, getCookie(c, SESSION_COOKIE));
    const secret = await openSession(c.var.deps, d, principal);
    setCookie(c, SESSION_COOKIE, secret, {
      httpOnly: true,
      // Lax, not Strict: the visitor arrives from the identity provider's site; forms are origin-checked.
      sameSite: 'Lax',
      secure: secure(c),
      path: base(d),
      maxAge: SESSION_TTL_MS / 1000,
    });
    return c.redirect(`${base(d)}/${homeOf(kindOf(principal))}`, 303);
  };

  /** Whether the subject has a record in this district (the API answers /me). */
  const registered = async (c: PagesContext, d: string, principal: Principal) =>
    (await callApi(c.var.fetchApi, principal, 'GET', `/v1/districts/${d}/me`)).status === 200;

  r.post('/districts/:d/signin/key', async (c) => {
    const d = c.req.param('d');
    if (!(await districtName(c.var.deps, d))) return signInPage(c, d);
    const key = String((await c.req.parseBody()).key ?? '').trim();
    let principal: Principal;
    try {
      principal = await clientPrincipal(c.var.deps, key);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return signInPage(c, d, '密钥无效或已停用，请核对后重试。', 401);
    }
    if (principal.type !== 'client' || principal.districtId !== d) return signInPage(c, d, '该密钥不属于本辖区。', 403);
    return signedIn(c, d, principal);
  });

  r.post('/districts/:d/signin/token', async (c) => {
    const d = c.req.param('d');
    if (!(await districtName(c.var.deps, d))) return signInPage(c, d);
    if (!devTokensOn(c.var.deps)) return signInPage(c, d, messageOf('forbidden'), 403);
    const token = String((await c.req.parseBody()).token ?? '').trim();
    let principal: Principal;
    try {
      principal = await subjectPrincipal(c.var.deps, token);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return signInPage(c, d, messageOf('unauthenticated'), 401);
    }
    if (!(await registered(c, d, principal))) return signInPage(c, d, '您的身份已确认，但在本辖区没有登记的档案。', 403);
    return signedIn(c, d, principal);
  });

  r.get('/districts/:d/signin/oidc', async (c) => {
    const d = c.req.param('d');
    const config = c.var.deps.config.pagesOidc;
    if (!config || !(await districtName(c.var.deps, d))) return signInPage(c, d);
    let begun: Awaited<ReturnType<typeof beginSignIn>>;
    try {
      begun = await beginSignIn(config, redirectUri(c, d));
    } catch (error) {
      c.var.deps.logger.error('oidc sign-in could not start', { error: error instanceof Error ? error.message : String(error) });
      return signInPage(c, d, '暂时无法连接统一身份认证，请稍后再试。', 502);
    }
    const secret = await openLogin(c.var.deps, d, begun.login);
    setCookie(c, LOGIN_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: `${base(d)}/signin`,
      maxAge: LOGIN_TTL_MS / 1000,
    });
    return c.redirect(begun.url.toString(), 303);
  });

  r.get('/districts/:d/signin/callback', async (c) => {
    const d = c.req.param('d');
    const config = c.var.deps.config.pagesOidc;
    if (!config || !(await districtName(c.var.deps, d))) return signInPage(c, d);
    const login = await takeLogin(c.var.deps, d, getCookie(c, LOGIN_COOKIE));
    deleteCookie(c, LOGIN_COOKIE, { path: `${base(d)}/signin` });
    if (!login) return signInPage(c, d, '登录已超时或不是从本页发起的，请重新登录。', 400);
    let principal: Principal;
    try {
      const who = await finishSignIn(config, redirectUri(c, d), new URL(c.req.url), login);
      const identifier = await subjectIdentifier(who.kind, who.sub, chinaDate(c.var.deps.clock.now()), c.var.deps.secrets.idNumberHmacKey);
      if (!identifier.ok) throw new OidcSignInError('claims', `the provider's subject is not a valid ${who.kind} identifier`);
      principal = { type: 'subject', subjectKind: who.kind, lookupHash: identifier.lookupHash, issuer: who.issuer };
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      c.var.deps.logger.info('oidc sign-in refused', { reason: error.reason, detail: error.message });
      const say =
        error.reason === 'provider-refused'
          ? '统一身份认证未完成登录。'
          : error.reason === 'state'
            ? '登录请求已失效，请重新登录。'
            : '未能确认您的身份，请重新登录。';
      return signInPage(c, d, say, 401);
    }
    if (!(await registered(c, d, principal))) return signInPage(c, d, '您的身份已确认，但在本辖区没有登记的档案。', 403);
    return signedIn(c, d, principal);
  });

  r.post('/districts/:d/signout', async (c) => {
    const d = c.req.param('d');
    await closeSession(c.var.deps, getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: base(DISTRICT.test(d) ? d : 'x') });
    return c.redirect(DISTRICT.test(d) ? base(d) : '/app', 303);
  });

  return r;
}
