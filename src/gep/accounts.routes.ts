import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, IdempotencyHeader, jsonBody, problemResponses } from '../platform/http/openapi.js';
import { AsOf, asOfInstant } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { accountCsv } from './account-table.js';
import { closeAccount, readGepAccount, readGepAccountRevisions } from './accounts.service.js';
import { GepAccountSchema, Money, toUnit, UnitCodeParam } from './schemas.js';
import { getUnit } from './units.service.js';

const YearParam = UnitCodeParam.extend({
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2025 }),
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/gep-units/{unitCode}/accounts/{year}',
  operationId: 'getGepAccount',
  tags: ['GEP'],
  summary: 'The GEP account of a unit for a year, row by row, with every intermediate',
  description:
    'The closed (approved) revision where the bureau has closed the year; otherwise the open account, computed from the latest measurements with the method version it was first read with (publishing a revised method does not change it). Each indicator shows its quantity (measured, or computed with every intermediate), price with year and source, value and share; subtotals, categories and the total add up exactly to the fen. An indicator without the data it needs is not assessed and says what is missing, never counted as zero. `asOf` reproduces the answer as it was then; `view=open` shows the open account even where the year is closed. `format=csv` or `Accept: text/csv` gives the table a bureau files (生态产品总值核算表).',
  request: {
    params: YearParam,
    query: z.object({
      asOf: AsOf.optional(),
      view: z
        .enum(['current', 'open'])
        .optional()
        .openapi({ description: 'current (default): the closed revision where there is one; open: the working account' }),
      format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: the filing table, as with Accept: text/csv' }),
    }),
  },
  responses: {
    200: {
      description: 'The account',
      content: {
        'application/json': { schema: GepAccountSchema },
        'text/csv': { schema: z.string().openapi({ description: 'The filing table, UTF-8 with a byte-order mark' }) },
      },
    },
    ...problemResponses(400, 404),
  },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/gep-units/{unitCode}/accounts/{year}/closure',
  operationId: 'closeGepAccount',
  tags: ['GEP'],
  summary: "Close (approve) a unit's account for a year: from then on it is immutable",
  description:
    'The bureau: the open account as it stands becomes closed revision 1 (or the next revision, after a correction). Loan assessments and reports use the closed revision from then on; measurements for the year are then taken only as a stated correction. `rebase` closes with the method version in force now instead of the one the open account was pinned to. Every earlier revision is kept.',
  request: {
    params: YearParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({
          note: z.string().min(1).max(500).optional().openapi({ description: 'The approval, e.g. 区生态环境局2026年第3号审定' }),
          rebase: z.boolean().optional().openapi({ description: 'Close with the method version in force now' }),
        })
        .openapi('GepAccountClosure', { example: { note: '崇明区生态环境局 2026年第3号审定' } }),
    ),
  },
  responses: {
    201: { description: 'The closed revision', content: { 'application/json': { schema: GepAccountSchema } } },
    ...problemResponses(400, 404, 409, 415),
  },
});

const revisionsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/gep-units/{unitCode}/accounts/{year}/revisions',
  operationId: 'listGepAccountRevisions',
  tags: ['GEP'],
  summary: 'Every closed revision of a unit’s account for a year, oldest first',
  description:
    'Each revision with its total, method version and hash, approval note, and who closed it when. Read one as it was with getGepAccount and asOf. For a unit with an owner, a read by anyone but the owner is in the owner’s query log.',
  request: { params: YearParam },
  responses: {
    200: {
      description: 'The revisions',
      content: {
        'application/json': {
          schema: z.object({
            revisions: z.array(
              z.object({
                id: z.string(),
                revision: z.number().int(),
                total: Money,
                methodVersionId: z.string(),
                methodHash: z.string(),
                note: z.string().nullable(),
                closedAt: z.string(),
                closedBy: z.string(),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses(400, 404),
  },
});

const wantsCsv = (format: string | undefined, accept: string | undefined) =>
  format === 'csv' || (format === undefined && /\btext\/csv\b/.test(accept ?? '') && !/application\/json/.test(accept ?? ''));

export const gepAccountRoutes = createRouter()
  .openapi(getRoute, async (c) => {
    const ctx = serviceContext(c);
    const { unitCode, year } = c.req.valid('param');
    const q = c.req.valid('query');
    const { unit, account } = await readGepAccount(ctx, unitCode, year, { asOf: q.asOf ? asOfInstant(q.asOf) : undefined, view: q.view });
    if (wantsCsv(q.format, c.req.header('accept'))) {
      c.header('content-disposition', `attachment; filename="gep-${unit.code}-${year}.csv"`);
      return c.body(accountCsv(account, unit), 200, { 'content-type': 'text/csv; charset=utf-8' });
    }
    return c.json({ unit: toUnit(unit), ...account }, 200);
  })
  .openapi(closeRoute, async (c) => {
    const ctx = serviceContext(c);
    const { unitCode, year } = c.req.valid('param');
    const unit = await getUnit(ctx, unitCode);
    const account = await closeAccount(ctx, unit, year, c.req.valid('json'));
    return c.json({ unit: toUnit(unit), ...account }, 201);
  })
  .openapi(revisionsRoute, async (c) => {
    const ctx = serviceContext(c);
    const { unitCode, year } = c.req.valid('param');
    return c.json({ revisions: await readGepAccountRevisions(ctx, unitCode, year) }, 200);
  });
