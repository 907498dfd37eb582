/**
 * Pages for people (zh-CN, server-rendered, no script needed): residents and firms see and use their
 * points, credit file, objections, consents and query log; bureau staff give allocation inputs, try a
 * draft rule set against them and publish it; bank officers receive and check reports and ask for
 * GEP eco-loan assessments. Each role sees its own pages only.
 *
 * The pages are a thin client of the JSON API: every page calls the same operations in-process as the
 * signed-in visitor, so access control, the query log and the error vocabulary apply to them exactly
 * as to integrators. A visitor holds a server-side session (cookie: a random secret; table: its hash
 * and the principal); forms are origin-checked (CSRF); no secret is written into the HTML.
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { bankRoutes } from './bank.js';
import { bureauRoutes } from './bureau.js';
import { gepRoutes } from './gep.js';
import { residentRoutes } from './resident.js';
import { resumeSession } from './session.js';
import { DISTRICT, SESSION_COOKIE, signInRoutes } from './sign-in.js';
import { staffRoutes } from './staff.js';
import { callApi, type Fetch, type PagesEnv, type Visitor } from './visitor.js';

export type { Fetch } from './visitor.js';

export function pagesRoutes(fetchApi: Fetch) {
  const pages = new Hono<PagesEnv>();
  pages.use('*', async (c, next) => {
    // On the page's own origin, so that what the API derives from it (a report's issuer, its status
    // list's URL) names the service as the visitor reached it, as a direct API call would.
    const origin = new URL(c.req.url).origin;
    c.set('fetchApi', (path, init, principal) => fetchApi(path.startsWith('/') ? `${origin}${path}` : path, init, principal));
    await next();
    c.header('cache-control', 'no-store');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'same-origin');
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });
  pages.use(
    '*',
    csrf({
      origin: (origin, c) => origin === new URL(c.req.url).origin || origin === c.var.deps.config.publicBaseUrl,
    }),
  );

  pages.route('/', signInRoutes());

  // Every other page needs a live session of this district.
  pages.use('/districts/:d/*', async (c, next) => {
    const d = c.req.param('d');
    if (!DISTRICT.test(d)) return c.redirect('/app', 303);
    const deps = c.var.deps;
    const principal = await resumeSession(deps, d, getCookie(c, SESSION_COOKIE));
    if (!principal) return c.redirect(`/app/districts/${d}`, 303);
    const district = await callApi(fetchApi, principal, 'GET', `/v1/districts/${d}`);
    if (!district.ok) return c.redirect(`/app/districts/${d}`, 303);
    let visitor: Visitor;
    if (principal.type === 'subject') {
      const me = await callApi(fetchApi, principal, 'GET', `/v1/districts/${d}/me`);
      if (!me.ok) return c.redirect(`/app/districts/${d}`, 303);
      visitor = {
        principal,
        kind: 'subject',
        subjectKind: principal.subjectKind,
        subjectId: me.body.id,
        name: me.body.name ?? me.body.displayId,
        districtId: d,
        districtName: district.body.name,
      };
    } else {
      visitor = { principal, kind: principal.role, name: principal.name, districtId: d, districtName: district.body.name };
    }
    c.set('visitor', visitor);
    await next();
  });

  pages.route('/districts/:d/me', residentRoutes());
  pages.route('/districts/:d/bureau', bureauRoutes());
  pages.route('/districts/:d/bank', bankRoutes());
  pages.route('/districts/:d/gep', gepRoutes());
  pages.route('/districts/:d', staffRoutes());

  return pages;
}
