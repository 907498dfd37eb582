/** Request schemas of points that the routes and the seed file share. */
import { z } from '@hono/zod-openapi';
import { SubjectRefSchema } from '../platform/http/schemas.js';
import { HOLDER_KINDS } from '../platform/vocabulary.js';
import { IsoDate } from '../rules/kinds/common.js';

const awardFields = {
  holder: SubjectRefSchema,
  action: z.string().min(1).max(64),
  amount: z
    .strictObject({
      value: z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'a non-negative decimal as a string'),
      unit: z.string().min(1).max(32),
    })
    .optional(),
  occurredOn: IsoDate.optional(),
  reference: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'What makes the award unique where the catalogue says so, e.g. a bill number' }),
  evidence: z.string().max(2000).optional(),
  catalogue: z
    .string()
    .min(1)
    .max(80)
    .optional()
    .openapi({ description: 'The points catalogue the action is in, where several in force list it (e.g. a transit platform’s)' }),
};

export const AwardPointsBody = z.strictObject(awardFields).openapi('AwardPoints', {
  example: { holder: { kind: 'resident', idNumber: '310230198503121233' }, action: 'WASTE-SORTING', occurredOn: '2026-11-24' },
});

export const AwardLine = z.strictObject(awardFields).openapi('AwardPointsLine');

export const NewBenefitSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    cost: z.number().int().positive(),
    stock: z.number().int().positive().nullable().optional().describe('Omit or null for unlimited'),
    holderKinds: z.array(z.enum(HOLDER_KINDS)).min(1).default(['resident']),
    validFrom: IsoDate,
    validUntil: IsoDate,
  })
  .openapi('NewBenefit', {
    example: {
      name: '东平国家森林公园门票',
      cost: 50,
      stock: 200,
      holderKinds: ['resident'],
      validFrom: '2026-12-01',
      validUntil: '2027-11-30',
    },
  });
