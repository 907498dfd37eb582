/** Request and response pieces that several capabilities share, documented once. */
import { z } from '@hono/zod-openapi';

/** A subject named by its id, or a firm by its USCC, or a resident by the ID number. */
export const SubjectRefSchema = z
  .union([
    z.strictObject({ id: z.string().min(1).max(64) }),
    z.strictObject({ kind: z.literal('firm'), uscc: z.string().min(1).max(40) }),
    z.strictObject({ kind: z.literal('resident'), idNumber: z.string().min(1).max(40) }),
  ])
  .openapi('SubjectRef', {
    description: 'The subject by its id, or a firm by USCC, or a resident by ID number',
    example: { kind: 'firm', uscc: '91310230MA1K2B3C4P' },
  });

/** A quantity as a decimal string, so that no float ever touches it. */
export const DecimalString = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,8})?$/, 'a decimal number as a string, e.g. "1250.5"')
  .openapi({ example: '1250.5' });

/** Yuan to the fen, as a decimal string. */
export const MoneyString = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, 'yuan as a decimal string, e.g. "500000.00"')
  .openapi({ example: '500000.00' });

/** Keyset paging over a sequence: the cursor is the `nextCursor` of the page before. */
export function pageQuery(defaultLimit: number) {
  return {
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, 'a nextCursor from the previous page')
      .optional()
      .openapi({ description: 'nextCursor from the previous page' }),
    limit: z.coerce.number().int().min(1).max(1000).default(defaultLimit),
  };
}

/** A page of items; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** `asOf` on a read: reproduce the answer as it was at that moment. */
export const AsOf = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), {
    message: 'a date (YYYY-MM-DD, end of that day in China) or an ISO-8601 instant',
  })
  .openapi({ example: '2026-06-30' });

export { asOfInstant } from '../dates.js';
