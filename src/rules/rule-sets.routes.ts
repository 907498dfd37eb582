import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses } from '../platform/http/openapi.js';
import { serviceContext } from '../platform/http/service-context.js';
import { RULE_SET_STATUSES } from '../platform/vocabulary.js';
import { evaluateScorecard } from './evaluate.service.js';
import { IsoDate } from './kinds/common.js';
import { publicationWarnings, publish } from './publish.service.js';
import { checkUpload, examineUpload, getVersion, listVersions, type RuleSetVersionRow, storeRuleSetVersion } from './rule-sets.service.js';
import { RuleSetRefSchema } from './schemas.js';

const EXAMPLE_SOURCE = `id: firm-env-credit
kind: scorecard
version: 2
district: chongming
effectiveFrom: 2027-01-01
title: 企业环境信用评价
body:
  subjectKind: firm
  facts:
    admin_penalties_12m: { type: number }
  baseScore: 100
  items:
    - { id: admin-penalty, reason: 环境行政处罚, fact: admin_penalties_12m, perUnit: -5, cap: { min: -30 } }
  bands:
    - { grade: green, label: 诚信, min: 95 }
    - { grade: red, label: 不良 }
`;

const RuleSourceBody = z
  .strictObject({
    source: z.string().min(1).max(1_000_000).describe('The rule file, YAML, exactly as the bureau wrote it'),
    fileName: z.string().max(200).optional().describe('Named in error messages; defaults to upload.yaml'),
  })
  .openapi('RuleSource', { example: { source: EXAMPLE_SOURCE, fileName: 'firm-env-credit.yaml' } });

const RuleSetVersion = z
  .object({
    versionId: z.string(),
    ruleSetId: z.string(),
    kind: z.string(),
    version: z.number().int(),
    hash: z.string().describe('sha256 of the canonical form'),
    status: z.enum(RULE_SET_STATUSES),
    effectiveFrom: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
  })
  .openapi('RuleSetVersion', {
    example: {
      versionId: 'rsv_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b',
      ruleSetId: 'firm-env-credit',
      kind: 'scorecard',
      version: 1,
      hash: 'sha256:5f1c…',
      status: 'published',
      effectiveFrom: '2026-01-01',
      createdAt: '2026-11-24T08:00:00.000Z',
      createdBy: 'system',
      publishedAt: '2026-11-24T08:00:00.000Z',
      publishedBy: 'system',
    },
  });

// Its own example: the one it would inherit from RuleSetVersion lacks the source it requires.
const RuleSetVersionWithSource = RuleSetVersion.extend({ source: z.string() }).openapi('RuleSetVersionWithSource', {
  example: {
    versionId: 'rsv_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b',
    ruleSetId: 'firm-env-credit',
    kind: 'scorecard',
    version: 1,
    hash: 'sha256:5f1c…',
    status: 'published',
    effectiveFrom: '2026-01-01',
    createdAt: '2026-11-24T08:00:00.000Z',
    createdBy: 'system',
    publishedAt: '2026-11-24T08:00:00.000Z',
    publishedBy: 'system',
    source: 'id: firm-env-credit\nkind: scorecard\nversion: 1\n…',
  },
});

function toVersion(row: RuleSetVersionRow): z.infer<typeof RuleSetVersion> {
  return {
    versionId: row.id,
    ruleSetId: row.ruleSetId,
    kind: row.kind,
    version: row.version,
    hash: row.hash,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
  };
}

const Validation = z
  .object({ valid: z.literal(true), ruleSetId: z.string(), kind: z.string(), version: z.number().int(), hash: z.string() })
  .openapi('RuleSetValidation');

const validateRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rule-sets/validate',
  operationId: 'validateRuleSet',
  tags: ['Rules'],
  summary: 'Check a rule file without storing it',
  description: 'Parses the YAML, validates it against its kind and compiles it. Errors name the line and field.',
  request: { params: DistrictParam, body: jsonBody(RuleSourceBody) },
  responses: {
    200: { description: 'The file is valid', content: { 'application/json': { schema: Validation } } },
    ...problemResponses(400, 415, 422),
  },
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rule-sets',
  operationId: 'uploadRuleSet',
  tags: ['Rules'],
  summary: 'Upload a draft rule set version',
  description:
    'Stores the file as an immutable draft version named by its content hash. Uploading the same content again returns the stored version.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(RuleSourceBody),
  },
  responses: {
    201: { description: 'Stored as a new draft', content: { 'application/json': { schema: RuleSetVersion } } },
    200: { description: 'The same content was already stored', content: { 'application/json': { schema: RuleSetVersion } } },
    ...problemResponses(400, 409, 415, 422),
  },
});

const RuleSetIdParam = DistrictParam.extend({
  ruleSetId: pathId('ruleSetId', { max: 80, example: 'firm-env-credit' }),
});

const listVersionsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/rule-sets/{ruleSetId}/versions',
  operationId: 'listRuleSetVersions',
  tags: ['Rules'],
  summary: 'The history of a rule set: every stored version, newest first',
  description:
    'For the bureau and auditors: every version of the rule set, drafts and publications, each with its hash, who stored or published it and from when it applies.',
  request: { params: RuleSetIdParam },
  responses: {
    200: { description: 'Versions', content: { 'application/json': { schema: z.object({ items: z.array(RuleSetVersion) }) } } },
    ...problemResponses(404),
  },
});

const getVersionRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/rule-set-versions/{versionId}',
  operationId: 'getRuleSetVersion',
  tags: ['Rules'],
  summary: 'One stored version with its source',
  description:
    'The stored YAML source of one version, byte for byte as uploaded, with its hash and status: what any result that cites this version was computed from.',
  request: { params: DistrictParam.extend({ versionId: pathId('versionId') }) },
  responses: {
    200: { description: 'The version', content: { 'application/json': { schema: RuleSetVersionWithSource } } },
    ...problemResponses(404),
  },
});

const FactValue = z.union([z.number(), z.boolean(), z.string()]);
const TraceEntry = z
  .object({
    kind: z.enum(['item', 'override']),
    id: z.string(),
    reason: z.string(),
    inputs: z.record(z.string(), FactValue),
    points: z.number().optional(),
    uncapped: z.number().optional(),
    grade: z.string().optional(),
  })
  .openapi('ScoreTraceEntry');

const evaluateRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rule-sets/{ruleSetId}/evaluate',
  operationId: 'evaluateRuleSet',
  tags: ['Rules'],
  summary: 'Try a scorecard on given facts',
  description:
    'Evaluates the published version in force on `onDate` (default today) and returns the score, grade and a trace of every item that contributed.',
  request: {
    params: RuleSetIdParam,
    body: jsonBody(
      z
        .strictObject({ facts: z.record(z.string(), FactValue), onDate: IsoDate.optional() })
        .openapi('ScorecardFacts', { example: { facts: { admin_penalties_12m: 1, major_incidents_3y: 0 } } }),
    ),
  },
  responses: {
    200: {
      description: 'The result',
      content: {
        'application/json': {
          schema: z
            .object({
              score: z.number(),
              grade: z.string(),
              gradeLabel: z.string(),
              scoreGrade: z.string(),
              ruleSet: RuleSetRefSchema,
              trace: z.array(TraceEntry),
            })
            .openapi('ScorecardResult'),
        },
      },
    },
    ...problemResponses(400, 404, 415, 422),
  },
});

const ExampleResultSchema = z
  .object({
    name: z.string(),
    origin: z.enum(['file', 'in-force']).describe('file: stated in the uploaded file; in-force: kept from the version in force it would replace'),
    passed: z.boolean(),
    got: z.unknown().describe('What the rules gave for the example’s input'),
    differences: z.array(z.object({ path: z.string(), expected: z.unknown(), got: z.unknown() })),
    error: z.string().optional(),
  })
  .openapi('RuleExampleResult');

const testRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rule-sets/test',
  operationId: 'testRuleSet',
  tags: ['Rules'],
  summary: 'Run a rule file’s worked examples, and those of the version in force it would replace',
  description:
    'Checks the file as an upload would (a file that does not check is refused), then runs every example and says, for each, what the rules gave and where it differs. Nothing is stored. An upload runs the same examples and is refused when one fails.',
  request: { params: DistrictParam, body: jsonBody(RuleSourceBody) },
  responses: {
    200: {
      description: 'The examples, each passed or not',
      content: {
        'application/json': {
          schema: z
            .object({
              ruleSetId: z.string(),
              kind: z.string(),
              version: z.number().int(),
              hash: z.string(),
              passed: z.boolean(),
              examples: z.array(ExampleResultSchema),
            })
            .openapi('RuleSetTest'),
        },
      },
    },
    ...problemResponses(400, 415, 422),
  },
});

const VersionParam = DistrictParam.extend({ versionId: pathId('versionId') });

const publishRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rule-set-versions/{versionId}/publication',
  operationId: 'publishRuleSet',
  tags: ['Rules'],
  summary: 'Publish a draft version; it takes effect on the effectiveFrom its file states',
  description:
    'The version stays immutable; the publication is recorded with who and when. The file’s own effectiveFrom is the first day the version applies (today or later): a publication cannot change it, so an `effectiveFrom` in the body, if sent, must confirm it.',
  request: {
    params: VersionParam,
    body: jsonBody(
      z
        .strictObject({ effectiveFrom: IsoDate.optional().describe('If sent, must equal the file’s own effectiveFrom') })
        .openapi('PublishRuleSet', { example: { effectiveFrom: '2027-01-01' } }),
    ),
  },
  responses: {
    200: {
      description: 'Published',
      content: {
        'application/json': {
          schema: z.object({
            versionId: z.string(),
            ruleSetId: z.string(),
            hash: z.string(),
            status: z.literal('published'),
            effectiveFrom: z.string(),
            publishedAt: z.string(),
            publishedBy: z.string(),
            warnings: z
              .array(z.string())
              .describe('What the publication leaves in force that can no longer do its work, e.g. a behaviour list no scorecard reads'),
          }),
        },
      },
    },
    ...problemResponses(400, 404, 409, 415, 422),
  },
});

export const ruleSetRoutes = createRouter()
  .openapi(publishRoute, async (c) => {
    const ctx = serviceContext(c);
    const row = await publish(ctx, c.req.valid('param').versionId, c.req.valid('json').effectiveFrom);
    const warnings = await publicationWarnings(ctx, row);
    return c.json(
      {
        versionId: row.id,
        ruleSetId: row.ruleSetId,
        hash: row.hash,
        status: 'published' as const,
        effectiveFrom: row.effectiveFrom,
        publishedAt: row.publishedAt ?? '',
        publishedBy: row.publishedBy ?? '',
        warnings,
      },
      200,
    );
  })

  .openapi(validateRoute, async (c) => {
    const { source, fileName } = c.req.valid('json');
    const { parsed } = await checkUpload(serviceContext(c), source, fileName ?? 'upload.yaml');
    const d = parsed.document;
    return c.json({ valid: true as const, ruleSetId: d.id, kind: d.kind, version: d.version, hash: parsed.hash }, 200);
  })
  .openapi(testRoute, async (c) => {
    const { source, fileName } = c.req.valid('json');
    const { parsed, examples } = await examineUpload(serviceContext(c), source, fileName ?? 'upload.yaml');
    const d = parsed.document;
    return c.json(
      {
        ruleSetId: d.id,
        kind: d.kind,
        version: d.version,
        hash: parsed.hash,
        passed: examples.every((e) => e.passed),
        examples: examples.map(({ index: _i, ...e }) => e),
      },
      200,
    );
  })
  .openapi(uploadRoute, async (c) => {
    const ctx = serviceContext(c);
    const { source, fileName } = c.req.valid('json');
    const { parsed } = await checkUpload(ctx, source, fileName ?? 'upload.yaml');
    const stored = await storeRuleSetVersion(ctx, parsed, 'draft');
    return stored.created ? c.json(toVersion(stored.row), 201) : c.json(toVersion(stored.row), 200);
  })
  .openapi(listVersionsRoute, async (c) => {
    const rows = await listVersions(serviceContext(c), c.req.valid('param').ruleSetId);
    return c.json({ items: rows.map(toVersion) }, 200);
  })
  .openapi(getVersionRoute, async (c) => {
    const row = await getVersion(serviceContext(c), c.req.valid('param').versionId);
    return c.json({ ...toVersion(row), source: row.source }, 200);
  })
  .openapi(evaluateRoute, async (c) => {
    const { facts, onDate } = c.req.valid('json');
    const result = await evaluateScorecard(serviceContext(c), c.req.valid('param').ruleSetId, facts, onDate);
    return c.json(result, 200);
  });
