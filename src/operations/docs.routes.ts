/**
 * The interactive API docs (Scalar), whole from this origin: the page, its script (the standalone bundle
 * from node_modules on Node, from static assets on Workers) and the OpenAPI document. No font, script or
 * telemetry from another site, so the docs work on an intranet without internet.
 */
import { Scalar } from '@scalar/hono-api-reference';
import { fail } from '../platform/errors.js';
import { createRouter } from '../platform/http/openapi.js';

export const DOCS_SCRIPT = '/docs/scalar.js';

export const docsRoutes = createRouter()
  .get(
    '/docs',
    Scalar({
      url: '/openapi.json',
      pageTitle: 'Eco-credit service API',
      cdn: DOCS_SCRIPT,
      withDefaultFonts: false,
      telemetry: false,
    }),
  )
  .get(DOCS_SCRIPT, async (c) => {
    const asset = await c.var.deps.assets?.get('scalar.js');
    if (!asset) throw fail.notFound('this deployment does not serve the docs script');
    const headers = new Headers(asset.headers);
    headers.set('cache-control', 'public, max-age=86400');
    return new Response(asset.body, { status: 200, headers });
  });
