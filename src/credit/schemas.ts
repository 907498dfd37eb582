/** Request and response schemas of credit that the routes and the bulk import (CLI) share. */
import { z } from '@hono/zod-openapi';
import { SubjectRefSchema } from '../platform/http/schemas.js';
import { IsoDate } from '../rules/kinds/common.js';

const Decimal = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'a decimal number as a string, e.g. "50000.00"')
  .openapi({ example: '50000.00' });

export const Amount = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    value: Decimal,
    unit: z.string().min(1).max(32),
  })
  .openapi('EventAmount', { example: { name: 'fine_yuan', value: '50000.00', unit: 'yuan' } });

export const EventInput = z
  .strictObject({
    subject: SubjectRefSchema,
    code: z.string().min(1).max(64).openapi({ example: 'ENV-PENALTY' }),
    occurredOn: IsoDate.openapi({ example: '2026-10-12' }),
    endedOn: IsoDate.optional().openapi({ description: 'When the behaviour ended (retention counts from here); defaults to occurredOn' }),
    evidence: z.string().min(1).max(2000).openapi({ description: 'A document number or URL', example: '沪崇环罚〔2026〕45号' }),
    amounts: z.array(Amount).max(20).optional(),
    note: z.string().max(2000).optional(),
    externalId: z.string().min(1).max(128).optional().openapi({ description: "The agency's own reference: sending it again is a no-op" }),
  })
  .openapi('CreditEventInput');
