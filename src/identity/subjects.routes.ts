import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, problemResponses, SubjectParam } from '../platform/http/openapi.js';
import { pageOf } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { SUBJECT_KINDS } from '../platform/vocabulary.js';
import { SubjectSchema, toSubject } from './schemas.js';
import { listSubjects, lookupSubject, ownSubject, readSubject, registerSubject } from './subjects.service.js';

const Uscc = z.string().min(1).max(40).openapi({ example: '91310230MA1K2B3C4P', description: 'Unified Social Credit Code (GB 32100-2015)' });
const IdNumber = z
  .string()
  .min(1)
  .max(40)
  .openapi({ example: '310230198503121233', description: 'Resident ID number (GB 11643-1999); never stored, only hashed and masked' });

const RegisterFirm = z.strictObject({
  kind: z.literal('firm'),
  uscc: Uscc,
  name: z.string().min(1).max(200).openapi({ example: '上海崇明生态农业有限公司' }),
});
const RegisterResident = z.strictObject({
  kind: z.literal('resident'),
  idNumber: IdNumber,
  name: z.string().min(1).max(100).optional().openapi({ example: '张三' }),
});
const RegisterSubjectBody = z.discriminatedUnion('kind', [RegisterFirm, RegisterResident]).openapi('RegisterSubject', {
  example: { kind: 'firm', uscc: '91310230MA1K2B3C4P', name: '上海崇明生态农业有限公司' },
});

const subjectJson = { 'application/json': { schema: SubjectSchema } };

const registerRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/subjects',
  operationId: 'registerSubject',
  tags: ['Subjects'],
  summary: 'Register a firm or a resident',
  description:
    'Validates the check character (and for residents the birth date), then stores a keyed hash and a display form. A resident ID number is never stored.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(RegisterSubjectBody),
  },
  responses: {
    201: { description: 'Registered', content: subjectJson },
    ...problemResponses(400, 409, 413, 415),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects/{subjectId}',
  operationId: 'getSubject',
  tags: ['Subjects'],
  summary: 'A subject by id',
  description: 'Bureaus, recorders and auditors of the district; or the subject itself. Banks see subjects only through consented reports.',
  request: { params: SubjectParam },
  responses: { 200: { description: 'The subject', content: subjectJson }, ...problemResponses(404) },
});

const LookupBody = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('firm'), uscc: Uscc }),
    z.strictObject({ kind: z.literal('resident'), idNumber: IdNumber }),
  ])
  .openapi('LookupSubject', { example: { kind: 'resident', idNumber: '310230198503121233' } });

const lookupRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/subjects/lookup',
  operationId: 'lookupSubject',
  tags: ['Subjects'],
  summary: 'Find a subject by its USCC or ID number',
  description: 'A POST so that the identifier never appears in a URL or an access log.',
  request: { params: DistrictParam, body: jsonBody(LookupBody) },
  responses: { 200: { description: 'The subject', content: subjectJson }, ...problemResponses(400, 404, 415) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/me',
  operationId: 'getOwnSubject',
  tags: ['Subjects'],
  summary: 'The subject named by the caller’s own token',
  description:
    'With a subject token: the record registered for the ID number or USCC the identity provider asserted. 404 until an agency has registered the subject.',
  request: { params: DistrictParam },
  responses: { 200: { description: 'The subject', content: subjectJson }, ...problemResponses(404) },
});

const listRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects',
  operationId: 'listSubjects',
  tags: ['Subjects'],
  summary: 'Subjects of the district, oldest first, a page at a time',
  description: 'For the bureau and auditors. Firms with their USCC and name, residents only by their masked ID number; `nextCursor` pages on.',
  request: {
    params: DistrictParam,
    query: z.strictObject({
      kind: z.enum(SUBJECT_KINDS).optional(),
      cursor: z.string().max(64).optional().openapi({ description: 'nextCursor from the previous page' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: {
      description: 'A page',
      content: { 'application/json': { schema: pageOf(SubjectSchema) } },
    },
    ...problemResponses(400),
  },
});

export const subjectRoutes = createRouter()
  .openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const row = await registerSubject(
      serviceContext(c),
      body.kind === 'firm'
        ? { kind: 'firm', identifier: body.uscc, identifierPointer: '/uscc', name: body.name }
        : { kind: 'resident', identifier: body.idNumber, identifierPointer: '/idNumber', name: body.name },
    );
    return c.json(toSubject(row), 201, { location: `/v1/districts/${row.districtId}/subjects/${row.id}` });
  })
  .openapi(lookupRoute, async (c) => {
    const body = c.req.valid('json');
    const ctx = serviceContext(c);
    const row =
      body.kind === 'firm' ? await lookupSubject(ctx, 'firm', body.uscc, '/uscc') : await lookupSubject(ctx, 'resident', body.idNumber, '/idNumber');
    return c.json(toSubject(row), 200);
  })
  .openapi(meRoute, async (c) => c.json(toSubject(await ownSubject(serviceContext(c))), 200))
  .openapi(getRoute, async (c) => {
    const ctx = serviceContext(c);
    return c.json(toSubject(await readSubject(ctx, c.req.valid('param').subjectId)), 200);
  })
  .openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await listSubjects(serviceContext(c), { kind: q.kind, after: q.cursor, limit: q.limit });
    return c.json({ items: page.items.map(toSubject), nextCursor: page.nextCursor }, 200);
  });
