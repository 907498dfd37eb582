/**
 * Every operation of /openapi.json, called as every kind of caller, own district and the other, and
 * on a subject's paths (its id, or a GEP unit it owns) for the caller's own subject, another of the
 * district and one of the other district.
 * What each call must answer comes from the one declaration (src/operations/access.ts), never from a
 * second table here: a caller it does not name gets 401 (no credentials) or 403 (wrong role, a key of
 * another district, a subject token on another subject's path), an id of another district's subject is
 * a 404, and a caller it names is never refused as unauthenticated or forbidden. Each request carries
 * the body the document gives as its example (else an empty one) and ids that name nothing, so an
 * allowed caller may well get a 400, 404, 409 or 422, or a business refusal with a code of its own (no
 * consent, a code the agency may not record): this suite judges who gets in, not what they get.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, accessMismatches, accessOf, accessTableMarkdown } from '../src/operations/access.js';
import { DomainError } from '../src/platform/errors.js';
import { type Access, accessCheck } from '../src/platform/http/access.js';
import type { AppEnv } from '../src/platform/http/env.js';
import type { Actor } from '../src/platform/http/principal.js';
import { createWorld, IDS, type World } from './support/world.js';

/** The district every call goes to; the other one's keys and subjects are the strangers. */
const HOME = 'chongming';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { type?: string; enum?: unknown[]; example?: unknown };
}
interface Operation {
  operationId: string;
  security?: unknown[];
  'x-callers'?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { example?: unknown; schema?: { $ref?: string; example?: unknown } }> };
  responses: Record<string, unknown>;
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

interface Caller {
  name: string;
  /** What the declaration calls this caller; undefined for an anonymous one. */
  actor: Actor | undefined;
  /** A key of the other district. */
  stranger: boolean;
  credential: () => string | undefined;
}

/** Whose subject (or subject's GEP unit) a path names. */
type Whose = 'own' | 'another' | 'other-district';
const WHOSE: readonly Whose[] = ['own', 'another', 'other-district'];

/** The path parameter that makes an operation a subject's: its id, or a GEP unit, whose owner it is. */
function scopeOf(route: Route, access: Access): 'subjectId' | 'unitCode' | undefined {
  if (route.path.includes('{subjectId}')) return 'subjectId';
  // A unit's account is its owner's to read; the units the bureau keeps are not a subject's business.
  if (route.path.includes('{unitCode}') && access !== 'public' && access.includes('subject')) return 'unitCode';
  return undefined;
}

type Expected = 'refused-401' | 'refused-403' | 'not-found-404' | 'let-in';

/**
 * What the house promises, from the declaration alone: credentials first (401), then the district of
 * the key and the role (403), then whose subject it is: a subject token only on its own, and an id of
 * another district found by nobody (404).
 */
function expected(access: Access, caller: Caller, whose: Whose | undefined): Expected {
  if (access === 'public') return 'let-in';
  if (caller.actor === undefined) return 'refused-401';
  if (caller.stranger || !access.includes(caller.actor)) return 'refused-403';
  if (whose === 'other-district') return 'not-found-404';
  if (whose === 'another' && caller.actor === 'subject') return 'refused-403';
  return 'let-in';
}

interface Answer {
  status: number;
  code: string | undefined;
}

/** `forbidden` is the code of every refusal of who the caller is; the other 403 codes refuse what it asks. */
function satisfies({ status, code }: Answer, want: Expected): boolean {
  if (want === 'let-in') return status !== 401 && !(status === 403 && code === 'forbidden');
  if (want === 'refused-403') return status === 403 && code === 'forbidden';
  return status === Number(want.slice(-3));
}

/** A value for a path or query parameter that names nothing in particular, of the parameter's form. */
function placeholder(p: Parameter, operationId: string): string {
  if (p.schema?.enum?.length) return String(p.schema.enum[0]);
  // The demo's GEP accounts are for 2025.
  if (p.schema?.type === 'integer' || p.schema?.type === 'number') return '2025';
  return `none-such-${operationId.toLowerCase()}`;
}

let w: World;
let routes: Route[];
let schemas: Record<string, { example?: unknown }>;
let subjectIds: Record<Whose, string>;
let unitCodes: Record<Whose, string>;
/** The firm that owns the demo's wetland plot, speaking for itself. */
let subjectToken: string;
/** A resident registered in the other district only, holding a good token of our identity provider. */
let strangerToken: string;

async function lookup(districtId: 'chongming' | 'lishui', body: { kind: 'firm'; uscc: string } | { kind: 'resident'; idNumber: string }) {
  const res = await w.call('POST', `/v1/districts/${districtId}/subjects/lookup`, { as: w.keys[districtId].bureau, body });
  if (res.status !== 200) throw new Error(`lookup failed: ${res.status} ${res.text}`);
  return res.json.id as string;
}

async function plot(districtId: 'chongming' | 'lishui', code: string, owner: { kind: 'firm'; uscc: string }) {
  const body = { name: code, level: 'plot', owner, areaHa: '10', ecosystemTypes: ['forest'] };
  const res = await w.call('PUT', `/v1/districts/${districtId}/gep-units/${code}`, { as: w.keys[districtId].bureau, body });
  if (res.status !== 201) throw new Error(`unit failed: ${res.status} ${res.text}`);
  return code;
}

beforeAll(async () => {
  // One world for the whole matrix: the demo's two districts, each with every role and its residents.
  w = await createWorld({ demo: true });
  const doc = (await w.call('GET', '/openapi.json')).json as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { example?: unknown }> };
  };
  schemas = doc.components.schemas;
  routes = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })));
  subjectIds = {
    own: await lookup(HOME, { kind: 'firm', uscc: IDS.firmB }),
    another: await lookup(HOME, { kind: 'resident', idNumber: IDS.residentA }),
    'other-district': await lookup('lishui', { kind: 'resident', idNumber: IDS.lishuiResident }),
  };
  unitCodes = {
    own: 'dongtan-wetland-plot-07',
    another: await plot(HOME, 'access-plot-a', { kind: 'firm', uscc: IDS.firmA }),
    'other-district': await plot('lishui', 'access-plot-l', { kind: 'firm', uscc: IDS.lishuiFirm }),
  };
  subjectToken = await w.token('firm', IDS.firmB);
  strangerToken = await w.token('resident', IDS.lishuiResident);
});

function callers(): Caller[] {
  const roles = ['bureau', 'recorder', 'bank', 'auditor'] as const;
  return [
    { name: 'anonymous', actor: undefined, stranger: false, credential: () => undefined },
    ...roles.map((role) => ({ name: `${HOME} ${role}`, actor: role, stranger: false, credential: () => w.keys[HOME][role] })),
    ...roles.map((role) => ({ name: `lishui ${role}`, actor: role, stranger: true, credential: () => w.keys.lishui[role] })),
    { name: 'subject token', actor: 'subject' as const, stranger: false, credential: () => subjectToken },
  ];
}

async function callAs(route: Route, caller: Caller, whose: Whose | undefined): Promise<Answer> {
  const params = route.op.parameters ?? [];
  const access = accessOf(route.op.operationId) ?? [];
  const scope = scopeOf(route, access);
  let url = route.path.replace('{districtId}', HOME);
  if (scope && whose) url = url.replace(`{${scope}}`, (scope === 'subjectId' ? subjectIds : unitCodes)[whose]);
  for (const p of params.filter((x) => x.in === 'path' && x.name !== 'districtId' && x.name !== scope)) {
    // Ids that name nothing, one per operation, so that one operation's write is not another's record.
    url = url.replace(`{${p.name}}`, encodeURIComponent(placeholder(p, route.op.operationId)));
  }
  const query = params
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(placeholder(p, route.op.operationId))}`);
  if (query.length > 0) url += `?${query.join('&')}`;
  const json = route.op.requestBody?.content?.['application/json'];
  // A body the schema takes, so that an allowed call reaches the service, which checks whose subject it
  // is and, for some operations, the role once more.
  const example = json?.example ?? json?.schema?.example ?? schemas[json?.schema?.$ref?.split('/').pop() ?? '']?.example;
  const body = json ? (example ?? {}) : undefined;
  const as = caller.credential();
  const res = await w.call(route.method.toUpperCase(), url, { ...(as ? { as } : {}), ...(body !== undefined ? { body } : {}) });
  return { status: res.status, code: res.json?.code };
}

describe('who may call what, as the declaration says', () => {
  it('covers every operation of the document, and the document says what the declaration says', () => {
    const ids = routes.map((r) => r.op.operationId).sort();
    expect(ids).toEqual(Object.keys(ACCESS).sort());
    for (const { op } of routes) {
      const access = accessOf(op.operationId);
      const secured = access !== 'public';
      expect({ id: op.operationId, security: op.security, callers: op['x-callers'] }).toEqual({
        id: op.operationId,
        security: secured ? [{ bearer: [] }] : [],
        callers: secured ? access : undefined,
      });
      expect({ id: op.operationId, has401: '401' in op.responses }).toEqual({ id: op.operationId, has401: secured });
      if (secured) expect(op.responses['403'], op.operationId).toBeDefined();
    }
  });

  it("is the README's table", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    // On a mismatch: `npm run cli -- access table` prints what the README should say.
    expect(readme).toContain(accessTableMarkdown());
  });

  it('answers every caller of every operation as declared', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const access = accessOf(route.op.operationId);
      if (access === undefined) throw new Error(`${route.op.operationId} declares no access`);
      const scoped = scopeOf(route, access) !== undefined;
      const cases = callers().flatMap(
        (caller): Array<{ caller: Caller; whose: Whose | undefined }> =>
          scoped ? WHOSE.map((whose) => ({ caller, whose })) : [{ caller, whose: undefined }],
      );
      for (const { caller, whose } of cases) {
        const want = expected(access, caller, whose);
        const answer = await callAs(route, caller, whose);
        if (!satisfies(answer, want)) {
          const got = `${answer.status} ${answer.code ?? ''}`;
          wrong.push(`${route.op.operationId} as ${caller.name}${whose ? ` on ${whose} subject` : ''}: ${got}, expected ${want}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets a subject token of a resident registered elsewhere reach nothing of this district but its reference data', async () => {
    const wrong: string[] = [];
    const stranger: Caller = { name: 'resident of lishui', actor: 'subject', stranger: false, credential: () => strangerToken };
    for (const route of routes) {
      const access = accessOf(route.op.operationId);
      if (access === undefined || access === 'public' || !access.includes('subject')) continue;
      const scoped = scopeOf(route, access) !== undefined;
      // Not registered here, it has no own subject: on a subject path every id is someone else's.
      const answer = await callAs(route, stranger, scoped ? 'another' : undefined);
      const want = scoped ? 'refused-403' : 'let-in';
      if (!satisfies(answer, want)) wrong.push(`${route.op.operationId}: ${answer.status} ${answer.code ?? ''}, expected ${want}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the check, whatever the method', () => {
  it('holds for HEAD as for GET, and an unknown path is a 404 only for a caller who got past the door', async () => {
    expect(
      (await w.app.request(`/v1/districts/${HOME}/subjects`, { method: 'HEAD', headers: { authorization: `Bearer ${w.keys[HOME].bank}` } })).status,
    ).toBe(403);
    expect(
      (await w.app.request(`/v1/districts/${HOME}/subjects`, { method: 'HEAD', headers: { authorization: `Bearer ${w.keys[HOME].bureau}` } })).status,
    ).toBe(200);
    expect((await w.call('DELETE', `/v1/districts/${HOME}/subjects`, { as: w.keys[HOME].bureau })).status).toBe(404);
    expect((await w.call('GET', `/v1/districts/${HOME}/nothing-here`, { as: w.keys[HOME].bank })).status).toBe(404);
    expect((await w.call('GET', `/v1/districts/${HOME}/nothing-here`, { as: w.keys.lishui.bank })).status).toBe(403);
    expect((await w.call('GET', `/v1/districts/${HOME}/nothing-here`)).status).toBe(401);
  });
});

describe('an operation nobody declared', () => {
  it('is refused to everyone, and stops the app from starting', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('principal', { type: 'client', clientId: 'cli_x', districtId: HOME, role: 'bureau', agency: null, name: 'x' });
      await next();
    });
    app.use(
      '/v1/*',
      accessCheck(() => new Map([['GET /v1/declared', ['bureau'] as const]])),
    );
    app.get('/v1/declared', (c) => c.text('ok'));
    app.get('/v1/forgotten', (c) => c.text('ok'));
    app.onError((error, c) => c.text(error instanceof DomainError ? error.code : 'internal', 500));
    expect(await (await app.request('/v1/declared')).text()).toBe('ok');
    expect(await (await app.request('/v1/forgotten')).text()).toBe('forbidden');

    const served = [
      { operationId: 'getSubject', path: '/v1/districts/{districtId}/subjects/{subjectId}' },
      { operationId: 'forgottenOperation', path: '/v1/districts/{districtId}/forgotten' },
      { operationId: 'getJwks', path: '/v1/districts/{districtId}/.well-known/jwks.json' },
    ];
    const mismatches = accessMismatches(served);
    expect(mismatches.undeclared).toEqual(['forgottenOperation']);
    // A public operation under /v1 would still ask for credentials, so the table would not be true.
    expect(mismatches.misplaced).toEqual(['getJwks (/v1/districts/{districtId}/.well-known/jwks.json)']);
    expect(mismatches.unknown).toContain('listSubjects');
  });
});
