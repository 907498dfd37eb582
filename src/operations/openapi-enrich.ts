/**
 * Completes the OpenAPI document the routes declare, before it is served once:
 * - every operation's `security`, `x-callers` and 401/403 answers come from who may call it (access.ts);
 * - every operation's error answers list the problem types it can return, one example each, grouped by
 *   status: those that follow from its shape (credentials, parameters, a body, an Idempotency-Key) and
 *   those its service gives (the table below);
 * - every operation gets an example request and answer where its schemas have none: real exchanges,
 *   recorded from the test suite by `npm run docs:examples` into openapi-examples.generated.json.
 * Runtime-neutral: the Worker serves the same document.
 */
import { type ErrorCode, PRESENTATION_CODES } from '../platform/errors.js';
import { HTTP_OF, problemType } from '../platform/http/problem.js';
import { messageOf } from '../platform/messages/zh-CN.js';
import { accessOf, describeAccess } from './access.js';
import recorded from './openapi-examples.generated.json' with { type: 'json' };

/** What each operation's service (not its shape) can refuse with. */
export const OPERATION_PROBLEMS: Record<string, readonly ErrorCode[]> = {
  registerSubject: ['subject-exists'],
  uploadRuleSet: ['rule-file-invalid', 'rule-examples-failed'],
  validateRuleSet: ['rule-file-invalid', 'rule-examples-failed'],
  testRuleSet: ['rule-file-invalid'],
  evaluateRuleSet: ['wrong-rule-kind', 'evaluation-failed', 'rule-not-in-force'],
  simulateRuleSet: ['rule-not-in-force', 'rule-file-invalid', 'wrong-rule-kind', 'allocation-refused', 'no-inputs'],
  diffRuleSets: ['rule-not-in-force', 'rule-file-invalid', 'wrong-rule-kind', 'allocation-refused', 'no-inputs'],
  publishRuleSet: ['already-published', 'publication-date-contradicts-file'],
  recordCreditEvents: [
    'rule-not-in-force',
    'code-not-permitted',
    'external-id-clash',
    'event-conflict',
    'no-behaviour-list',
    'wrong-subject-kind',
    'wrong-rule-kind',
  ],
  reverseCreditEvent: ['already-reversed', 'reversal-of-reversal'],
  getCreditScore: ['rule-not-in-force', 'scorecard-incomplete', 'no-behaviour-list', 'wrong-subject-kind', 'wrong-rule-kind'],
  startRescore: ['rule-not-in-force', 'no-behaviour-list', 'wrong-subject-kind', 'wrong-rule-kind'],
  fileObjection: ['objection-open', 'objection-to-reversal', 'already-reversed'],
  resolveObjection: ['objection-closed', 'already-reversed'],
  awardPoints: [
    'rule-not-in-force',
    'unknown-action',
    'action-not-for-holder',
    'action-not-permitted',
    'award-refused',
    'duplicate-award',
    'source-switched-off',
    'cap-reached',
  ],
  awardPointsBatch: ['rule-not-in-force', 'unknown-action', 'action-not-for-holder', 'action-not-permitted'],
  reversePointsAward: ['not-an-award', 'already-spent'],
  redeemPoints: ['benefit-not-for-holder', 'benefit-not-valid', 'sold-out', 'insufficient-points'],
  recordGepMeasurements: ['gep-future-year', 'rule-not-in-force', 'gep-account-closed'],
  closeGepAccount: ['gep-future-year', 'rule-not-in-force', 'gep-account-closed'],
  listGepAccountRevisions: [],
  upsertGepUnit: ['rule-not-in-force'],
  getPointsCatalogue: ['rule-not-in-force'],
  listPointsSources: ['rule-not-in-force'],
  getGepAccount: ['gep-future-year', 'rule-not-in-force'],
  runAllocation: ['wrong-rule-kind', 'allocation-refused', 'rule-not-in-force'],
  assessGepLoan: [
    'rule-not-in-force',
    'wrong-rule-kind',
    'no-consent',
    'purpose-not-granted',
    'scope-not-granted',
    'consent-expired',
    'consent-revoked',
    'pledge-refused',
    'scorecard-incomplete',
  ],
  revokeConsent: ['consent-already-revoked'],
  getDistrictPolicy: ['rule-not-in-force'],
  issueCreditReport: [
    'rule-not-in-force',
    'purpose-not-allowed',
    'no-consent',
    'purpose-not-granted',
    'scope-not-granted',
    'consent-expired',
    'consent-revoked',
    'scorecard-incomplete',
  ],
  verifyCreditReport: [
    'report-malformed',
    'report-unknown-kid',
    'report-bad-signature',
    'report-expired',
    'report-not-yet-valid',
    'report-wrong-audience',
    'report-wrong-issuer',
    'report-wrong-type',
    'report-not-published-key',
    'report-retired-key',
    'report-revoked',
    'report-suspended',
    'status-list-tampered',
  ],
  issueOwnCredential: ['rule-not-in-force', 'scorecard-incomplete'],
  verifyCredentialPresentation: ['purpose-not-allowed', 'status-list-tampered', ...PRESENTATION_CODES],
};

/** What a code tells the caller, for the document's examples (the title says it shorter). */
const MEANING: Partial<Record<ErrorCode, string>> = {
  validation: 'a parameter, header or body field is invalid; `errors` names each with its pointer',
  'malformed-body': 'the body is not well-formed JSON',
  unauthenticated: 'no credentials, or an API key or token that is not valid, revoked or expired',
  forbidden: "the caller's role, district or subject may not do this",
  'not-found': 'no such district, or no such record in this district',
  'idempotency-key-reused': 'this Idempotency-Key was used before with another body',
  'idempotency-in-progress': 'a request with this Idempotency-Key is still being processed; retry after `retryAfterSeconds`',
  'body-too-large': 'the body is larger than MAX_BODY_BYTES',
  'unsupported-media-type': 'send the body as application/json',
  internal: 'something failed on our side; quote the request id',
  'subject-exists': 'the subject is registered already',
  'rule-file-invalid': 'the rule file does not parse or does not check; `errors` gives file, line and field',
  'code-not-permitted': 'the recording agency may not record this behaviour code; nothing was recorded',
  'external-id-clash': 'an externalId was recorded before with other content; nothing was recorded',
  'cap-reached': 'the daily or monthly cap leaves nothing to award',
  'insufficient-points': 'the balance does not cover the cost; nothing was spent',
  'no-consent': 'the subject has given your bank no consent; nothing was delivered',
  'report-bad-signature': 'the signature does not match the content',
  'purpose-not-allowed': 'the district policy does not let this purpose receive a claim group asked for; `refused` and `allowed` name them',
  'report-revoked': 'an objection to a record the report carried was upheld: the status list marks it revoked',
  'report-suspended': 'the consent behind the report was revoked or has expired: the status list marks it suspended',
  'presentation-key-binding-wrong-nonce': 'the key binding is over another nonce than the one you gave: a replay',
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

/** The problem types that follow from an operation's shape. */
function shapeProblems(op: Json): ErrorCode[] {
  const refs: ErrorCode[] = [];
  const secured = op.security.length > 0;
  const params: Json[] = op.parameters ?? [];
  if (params.length > 0 || op.requestBody) refs.push('validation');
  if (op.requestBody) refs.push('malformed-body', 'body-too-large', 'unsupported-media-type');
  if (secured) refs.push('unauthenticated', 'forbidden');
  if (params.some((p) => p.in === 'path')) refs.push('not-found');
  if (params.some((p) => p.in === 'header' && p.name === 'idempotency-key')) refs.push('idempotency-key-reused', 'idempotency-in-progress');
  refs.push('internal');
  return refs;
}

function example(code: ErrorCode, recordedBody: unknown): Json {
  const { status, title } = HTTP_OF[code];
  const meaning = MEANING[code] ?? title;
  return {
    summary: `${code}: ${meaning}`,
    value: recordedBody ?? { type: problemType(code), title, status, detail: meaning, code, message: messageOf(code) },
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
      const access = accessOf(id);
      // createApp refuses to start with an undeclared operation; a document built without it is a bug.
      if (access === undefined) throw new Error(`operation '${id}' declares no access in src/operations/access.ts`);
      op.security = access === 'public' ? [] : [{ bearer: [] }];
      if (access !== 'public') op['x-callers'] = [...access];
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
      const codes = [...new Set([...shapeProblems(op), ...(OPERATION_PROBLEMS[id] ?? [])])];
      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of codes) byStatus.set(HTTP_OF[code].status, [...(byStatus.get(HTTP_OF[code].status) ?? []), code]);
      for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
        const existing = op.responses[String(status)];
        const content = existing?.content?.['application/problem+json'] ?? { schema: { $ref: '#/components/schemas/Problem' } };
        content.examples = Object.fromEntries(list.map((code) => [code, example(code, rec?.problems?.[`${status} ${code}`])]));
        const types = list.map((code) => `\`${code}\``).join(', ');
        const text = status === 403 ? `The caller may not do this: this operation is for ${describeAccess(access)}` : existing?.description;
        op.responses[String(status)] = {
          description: `${text ?? STATUS_TEXT[status] ?? 'Error'}. Problem types: ${types}`,
          content: { 'application/problem+json': content },
        };
      }
    }
  }
  return doc;
}
