/** Request and response schemas that more than one feature's routes share. */
import { z } from '@hono/zod-openapi';
import { SUBJECT_KINDS } from '../platform/vocabulary.js';
import type { SubjectRow } from './subjects.service.js';

export const SubjectSchema = z
  .object({
    id: z.string().describe('Pseudonymous id, stable for the life of the record'),
    districtId: z.string(),
    kind: z.enum(SUBJECT_KINDS),
    displayId: z.string().describe('USCC for a firm, masked ID number for a resident'),
    name: z.string().nullable(),
    regionCode: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Subject', {
    example: {
      id: 'sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b',
      districtId: 'chongming',
      kind: 'resident',
      displayId: '310230********1233',
      name: '张三',
      regionCode: '310230',
      createdAt: '2026-11-24T08:00:00.000Z',
    },
  });

export function toSubject(row: SubjectRow): z.infer<typeof SubjectSchema> {
  return {
    id: row.id,
    districtId: row.districtId,
    kind: row.kind,
    displayId: row.displayId,
    name: row.name,
    regionCode: row.regionCode,
    createdAt: row.createdAt,
  };
}
