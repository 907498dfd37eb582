import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, problemResponses } from '../platform/http/openapi.js';
import { MoneyString } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { GEP_VALUE_TYPES } from '../rules/kinds/loan-product/body.js';
import { assessGepLoan, listLoanProducts } from './loans.service.js';
import { GepLoanAssessment } from './schemas.js';

const Money = MoneyString;

const listRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/loan-products',
  operationId: 'listLoanProducts',
  tags: ['Loans'],
  summary: 'GEP eco-loan products in force, with their conditions, pledge ratios, caps and rate table',
  description:
    'Any caller of the district: the loan-product rule files in force, each with its eligibility conditions, pledge types and ratios, caps, longest term and rate table.',
  request: { params: DistrictParam },
  responses: {
    200: {
      description: 'Products',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z
                .object({
                  id: z.string(),
                  version: z.number().int(),
                  hash: z.string(),
                  title: z.string(),
                  product: z.record(z.string(), z.unknown()),
                })
                .openapi('LoanProduct'),
            ),
          }),
        },
      },
    },
  },
});

const Pledge = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('gep'),
      unitCode: z.string().min(1).max(80),
      year: z.number().int().optional(),
      valueType: z
        .enum(GEP_VALUE_TYPES)
        .optional()
        .describe(
          "The value the borrower means to pledge; refused where the product lends against another (an asset value is never taken as a year's GEP)",
        ),
    }),
    z.strictObject({ type: z.literal('forest-rights'), reference: z.string().min(1).max(200), appraisedValue: Money }),
    z.strictObject({ type: z.literal('discharge-rights'), reference: z.string().min(1).max(200), appraisedValue: Money }),
    z.strictObject({ type: z.literal('water-rights'), reference: z.string().min(1).max(200), appraisedValue: Money }),
    z.strictObject({ type: z.literal('carbon-sink'), reference: z.string().min(1).max(200), tco2e: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/) }),
  ])
  .openapi('LoanPledge');

const assessRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/loan-assessments',
  operationId: 'assessGepLoan',
  tags: ['Loans'],
  summary: 'An indicative GEP eco-loan ceiling with reasons (not an approval)',
  description:
    'Needs the borrower’s consent for your bank for loan-application with scopes credit and gep-assets. Returns eligibility with every failed condition, the ceiling per pledge and in total (after the grade’s line multiplier and the product cap), the rate adjustment, the reasons and the rule set ids. The assessment id can be put in a signed report.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({
          subjectId: z.string().min(1).max(64),
          productId: z.string().min(1).max(80),
          pledges: z.array(Pledge).min(1).max(20),
          requestedAmount: Money,
          termMonths: z.number().int().min(1).max(360),
          guarantee: z.enum(['none', 'guaranteed', 'collateral']).default('none'),
          ecoPledgeSigned: z.boolean().default(false),
        })
        .openapi('AssessGepLoan', {
          example: {
            subjectId: 'sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b',
            productId: 'gep-eco-loan',
            pledges: [{ type: 'gep', unitCode: 'dongtan-wetland-plot-07' }],
            requestedAmount: '800000.00',
            termMonths: 36,
            guarantee: 'guaranteed',
            ecoPledgeSigned: true,
          },
        }),
    ),
  },
  responses: {
    201: {
      description: 'The assessment',
      content: {
        'application/json': {
          schema: GepLoanAssessment,
        },
      },
    },
    ...problemResponses(400, 404, 409, 415, 422),
  },
});

export const loanRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const products = await listLoanProducts(serviceContext(c));
    return c.json(
      {
        items: products.map((p) => ({
          id: p.id,
          version: p.version,
          hash: p.hash,
          title: p.title,
          product: p.body as unknown as Record<string, unknown>,
        })),
      },
      200,
    );
  })
  .openapi(assessRoute, async (c) => {
    const { id, assessment } = await assessGepLoan(serviceContext(c), c.req.valid('json'));
    return c.json({ id, ...assessment }, 201);
  });
