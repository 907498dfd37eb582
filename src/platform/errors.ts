/**
 * The one error vocabulary of the service. Services and pure domain code throw `DomainError`: a code
 * from the closed list below, a detail for the developer reading a log, and the fields it concerns,
 * with pointers into the service's own input. Nothing here knows of HTTP: the HTTP layer maps each
 * code to a status and a problem type once (platform/http/problem.ts), the CLI prints the same error
 * its own way, and people read the code's message from the message catalogue (platform/messages).
 */

/** Every code the service can answer with. Stable: clients and the pages key on them. */
/** Why a credential presentation is refused: named once, for the code list and the operation that answers them. */
export const PRESENTATION_CODES = [
  'presentation-malformed',
  'presentation-wrong-type',
  'presentation-unknown-kid',
  'presentation-retired-key',
  'presentation-bad-signature',
  'presentation-expired',
  'presentation-not-yet-valid',
  'presentation-wrong-issuer',
  'presentation-disclosure-not-in-credential',
  'presentation-key-binding-missing',
  'presentation-key-binding-malformed',
  'presentation-key-binding-bad-signature',
  'presentation-key-binding-wrong-hash',
  'presentation-key-binding-wrong-nonce',
  'presentation-key-binding-wrong-audience',
  'presentation-key-binding-expired',
  'presentation-key-binding-not-yet-valid',
  'presentation-revoked',
  'presentation-suspended',
] as const;

export const ERROR_CODES = [
  // the request itself
  'validation',
  'malformed-body',
  'unsupported-media-type',
  'body-too-large',
  'unauthenticated',
  'forbidden',
  'not-found',
  'internal',
  'idempotency-in-progress',
  'idempotency-key-reused',
  // districts, clients and subjects
  'district-exists',
  'subject-exists',
  // rules
  'rule-file-invalid',
  'rule-examples-failed',
  'wrong-rule-kind',
  'rule-not-in-force',
  'already-published',
  'publication-date-contradicts-file',
  'no-inputs',
  'evaluation-failed',
  // credit files
  'code-not-permitted',
  'unknown-event-code',
  'event-conflict',
  'external-id-clash',
  'reversal-of-reversal',
  'already-reversed',
  'objection-to-reversal',
  'objection-open',
  'objection-closed',
  'scorecard-incomplete',
  'wrong-subject-kind',
  'no-behaviour-list',
  // points
  'unknown-action',
  'action-not-for-holder',
  'action-not-permitted',
  'award-refused',
  'duplicate-award',
  'source-switched-off',
  'cap-reached',
  'not-an-award',
  'already-spent',
  'insufficient-points',
  'sold-out',
  'benefit-not-for-holder',
  'benefit-not-valid',
  // consents and reports
  'no-consent',
  'purpose-not-granted',
  'scope-not-granted',
  'consent-revoked',
  'consent-expired',
  'consent-already-revoked',
  'purpose-not-allowed',
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
  ...PRESENTATION_CODES,
  // GEP, loans, compensation
  'gep-future-year',
  'gep-account-closed',
  'pledge-refused',
  'allocation-refused',
  // operations
  'not-ready',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldLocation = 'body' | 'query' | 'path' | 'header' | 'file';

/** One field a failure concerns. `pointer` is a JSON pointer into the service's input. */
export interface FieldIssue {
  pointer: string;
  detail: string;
  /** Where the field came from, when the service knows (a rule file, a query); the HTTP layer defaults to the body. */
  in?: FieldLocation;
  /** For rule files: the 1-based line the field stands on. */
  line?: number;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  /** Machine-readable facts beside the detail, e.g. the id of the record that already exists. */
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail: string, options: { fields?: FieldIssue[] | undefined; extensions?: Record<string, unknown> } = {}) {
    super(detail);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.extensions = options.extensions ?? {};
  }
}

/** The everyday failures, spelled once. */
export const fail = {
  invalid: (detail: string, fields: FieldIssue[]) => new DomainError('validation', detail, { fields }),
  /** One bad field: the detail names it. */
  field: (pointer: string, detail: string, summary = detail) => new DomainError('validation', summary, { fields: [{ pointer, detail }] }),
  unauthenticated: (detail: string) => new DomainError('unauthenticated', detail),
  forbidden: (detail: string) => new DomainError('forbidden', detail),
  notFound: (detail: string) => new DomainError('not-found', detail),
};

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
