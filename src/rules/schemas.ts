/** Request and response schemas that more than one feature's routes share. */
import { z } from '@hono/zod-openapi';

/** Which rule file a result came from: every score, decision and allocation names one. */
export const RuleSetRefSchema = z
  .object({ id: z.string(), version: z.number().int(), hash: z.string() })
  .openapi('RuleSetRef', { example: { id: 'firm-env-credit', version: 1, hash: 'sha256:5f1c…' } });
