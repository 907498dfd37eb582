/**
 * A newcomer opens the service: a browser lands on a page that leads on, an API client gets the links,
 * and every answer, errors and pages included, forbids content sniffing and keeps its URL to itself.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem } from './support/world.js';

describe('someone opens the service’s address', () => {
  it('in a browser, they land on a zh-CN page that links to the pages and the API documentation', async () => {
    const w = await createWorld();
    const res = await w.app.request('/', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('href="/app"');
    expect(html).toContain('href="/docs"');
    expect(html).toContain('生态信用服务');
  });

  it('as an API client, they get a small JSON index with the same links', async () => {
    const w = await createWorld();
    const res = await w.call('GET', '/', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.json.links).toMatchObject({ app: '/app', docs: '/docs', openapi: '/openapi.json' });
  });
});

describe('every answer carries nosniff and no-referrer', () => {
  it('on JSON answers, problems, pages, the JWKS and the OpenAPI document alike', async () => {
    const w = await createWorld();
    const answers = [
      await w.call('GET', '/health'),
      await w.call('GET', '/v1/districts/chongming/subjects', { as: w.keys.chongming.bureau }),
      await w.call('GET', '/v1/districts/chongming/subjects'),
      await w.call('GET', '/no/such/route'),
      await w.call('GET', '/app'),
      await w.call('GET', '/districts/chongming/.well-known/jwks.json'),
      await w.call('GET', '/openapi.json'),
      await w.call('GET', '/'),
    ];
    expectProblem(answers[2] as (typeof answers)[number], 401);
    expectProblem(answers[3] as (typeof answers)[number], 404);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
