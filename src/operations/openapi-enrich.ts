/**
 * Completes the OpenAPI document the routes declare, before it is served once:
 * - every operation's error answers list the problem types it can return, one example each, grouped by
 *   status: those that follow from its shape (credentials, parameters, a body, an Idempotency-Key) and
 *   those its service gives (the table below);
 * - every operation gets an example request and answer where its schemas have none: real exchanges,
 *   recorded from the test suite by `npm run docs:examples` into openapi-examples.generated.json.
 * Runtime-neutral: the Worker serves the same document.
 */
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES, type ProblemSlug } from '../platform/http/problem-types.js';
import recorded from './openapi-examples.generated.json' with { type: 'json' };

/** `slug` at the catalogue's status, or `slug@status` where an operation answers it with another. */
type ProblemRef = ProblemSlug | `${ProblemSlug}@${number}`;

/** What each operation's service (not its shape) can refuse with. */
export const OPERATION_PROBLEMS: Record<string, readonly ProblemRef[]> = {
  registerSubject: ['subject-exists'],
  lookupSubject: [],
  uploadRuleSet: ['rule-file-invalid'],
  validateRuleSet: ['rule-file-invalid'],
  evaluateRuleSet: ['wrong-rule-kind', 'evaluation-failed'],
  simulateRuleSet: ['rule-file-invalid', 'wrong-rule-kind', 'allocation-refused', 'no-inputs'],
  diffRuleSets: ['rule-file-invalid', 'wrong-rule-kind', 'allocation-refused', 'no-inputs'],
  publishRuleSet: ['already-published', 'future-date'],
  recordCreditEvents: ['code-not-permitted', 'external-id-clash', 'event-conflict', 'no-behaviour-list', 'wrong-subject-kind', 'wrong-rule-kind'],
  reverseCreditEvent: ['already-reversed', 'reversal-of-reversal'],
  getCreditScore: ['scorecard-incomplete', 'no-behaviour-list', 'wrong-subject-kind', 'wrong-rule-kind'],
  fileObjection: ['objection-open', 'objection-to-reversal', 'already-reversed@422'],
  resolveObjection: ['objection-closed', 'already-reversed'],
  awardPoints: [
    'unknown-action',
    'action-not-for-holder',
    'action-not-permitted',
    'future-date',
    'award-refused',
    'award-refused@400',
    'duplicate-award',
    'source-switched-off',
    'cap-reached',
  ],
  reversePointsAward: ['not-an-award', 'already-spent'],
  redeemPoints: ['benefit-not-for-holder', 'benefit-not-valid', 'sold-out', 'insufficient-points'],
  runAllocation: ['wrong-rule-kind', 'allocation-refused'],
  assessGepLoan: [
    'no-consent',
    'purpose-not-granted',
    'scope-not-granted',
    'consent-expired',
    'consent-revoked',
    'pledge-refused',
    'scorecard-incomplete',
  ],
  revokeConsent: ['consent-revoked@409'],
  issueCreditReport: ['no-consent', 'purpose-not-granted', 'scope-not-granted', 'consent-expired', 'consent-revoked', 'scorecard-incomplete'],
  verifyCreditReport: [
    'report-malformed',
    'report-unknown-kid',
    'report-bad-signature',
    'report-expired',
    'report-not-yet-valid',
    'report-wrong-audience',
    'report-wrong-issuer',
    'report-wrong-type',
  ],
};

interface RecordedOperation {
  request?: { body?: unknown; path?: Record<string, string>; query?: Record<string, string> };
  /** The answer of each success status. */
  responses?: Record<string, unknown>;
  problems?: Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON walked by key; its full type would add nothing here.
type Json = any;

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is malformed or a field is invalid; `errors` names each field',
  401: 'No credentials, or credentials that are not valid',
  403: 'The caller may not do this',
  404: 'No such resource in this district',
  409: 'Conflicts with the current state or with an earlier request under the same Idempotency-Key',
  413: 'The body is larger than the service accepts',
  415: 'The body is not JSON',
  422: 'Well-formed, but the content is not acceptable',
  500: 'Something failed on our side',
  503: 'Not ready to serve',
};

function parse(ref: ProblemRef): { slug: ProblemSlug; status: number } {
  const [slug, status] = ref.split('@') as [ProblemSlug, string | undefined];
  return { slug, status: status ? Number(status) : PROBLEM_TYPES[slug].status };
}

/** The problem types that follow from an operation's shape. */
function shapeProblems(op: Json): ProblemRef[] {
  const refs: ProblemRef[] = [];
  const secured = (op.security ?? [{}]).length > 0;
  const params: Json[] = op.parameters ?? [];
  if (params.length > 0 || op.requestBody) refs.push('validation');
  if (op.requestBody) refs.push('malformed-body', 'body-too-large', 'unsupported-media-type');
  if (secured) refs.push('unauthenticated', 'forbidden');
  if (params.some((p) => p.in === 'path')) refs.push('not-found');
  if (params.some((p) => p.in === 'header' && p.name === 'idempotency-key')) refs.push('idempotency-key-reused', 'idempotency-in-progress');
  refs.push('internal');
  return refs;
}

function example(slug: ProblemSlug, status: number, recordedBody: unknown): Json {
  const type = PROBLEM_TYPES[slug];
  return {
    summary: `${slug}: ${type.meaning}`,
    value: recordedBody ?? { type: `${PROBLEM_TYPE_BASE}${slug}`, title: type.title, status, detail: type.meaning },
  };
}

function withExampleParameters(op: Json, request: RecordedOperation['request']): void {
  for (const p of op.parameters ?? []) {
    if (p.example !== undefined || p.schema?.example !== undefined) continue;
    const value = p.in === 'path' ? request?.path?.[p.name] : p.in === 'query' ? request?.query?.[p.name] : undefined;
    if (value === undefined) continue;
    // Recorded from a URL, so a string; the schema may want the number it stands for.
    p.example = p.schema?.type === 'integer' || p.schema?.type === 'number' ? Number(value) : value;
  }
}

function hasExample(doc: Json, media: Json): boolean {
  if (!media) return true;
  if (media.example !== undefined || media.examples !== undefined) return true;
  const ref: string | undefined = media.schema?.$ref;
  const schema = ref ? doc.components?.schemas?.[ref.split('/').pop() as string] : media.schema;
  return schema?.example !== undefined || schema?.examples !== undefined;
}

export function enrichDocument(doc: Json, examples: Record<string, RecordedOperation> = recorded as Record<string, RecordedOperation>): Json {
  for (const item of Object.values(doc.paths ?? {}) as Json[]) {
    for (const op of Object.values(item) as Json[]) {
      const id: string = op.operationId;
      const rec = examples[id];
      withExampleParameters(op, rec?.request);
      const json = op.requestBody?.content?.['application/json'];
      if (json && !hasExample(doc, json) && rec?.request?.body !== undefined) json.example = rec.request.body;
      for (const [status, response] of Object.entries(op.responses ?? {}) as Array<[string, Json]>) {
        if (!status.startsWith('2')) continue;
        const media = response.content?.['application/json'];
        if (media && !hasExample(doc, media) && rec?.responses?.[status] !== undefined) media.example = rec.responses[status];
      }
      if (id === 'getHealth' || id === 'getReadiness') continue;
      const refs = [...new Set([...shapeProblems(op), ...(OPERATION_PROBLEMS[id] ?? [])])];
      const byStatus = new Map<number, Array<{ slug: ProblemSlug; status: number }>>();
      for (const r of refs.map(parse)) byStatus.set(r.status, [...(byStatus.get(r.status) ?? []), r]);
      for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
        const existing = op.responses[String(status)];
        const content = existing?.content?.['application/problem+json'] ?? { schema: { $ref: '#/components/schemas/Problem' } };
        content.examples = Object.fromEntries(list.map(({ slug }) => [slug, example(slug, status, rec?.problems?.[`${status} ${slug}`])]));
        const types = list.map(({ slug }) => `\`${slug}\``).join(', ');
        op.responses[String(status)] = {
          description: `${existing?.description ?? STATUS_TEXT[status] ?? 'Error'}. Problem types: ${types}`,
          content: { 'application/problem+json': content },
        };
      }
    }
  }
  return doc;
}
