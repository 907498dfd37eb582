/**
 * RFC 9457 problem details: the one shape every 4xx and 5xx answer takes. Domain errors are mapped to
 * a status, a title and a problem type here and nowhere else.
 */
import { DomainError, type ErrorCode, type FieldIssue, type FieldLocation } from '../errors.js';
import { messageOf } from '../messages/zh-CN.js';

export interface FieldError {
  /** JSON pointer into the part of the request named by `in`, e.g. `/amounts/0/value`. */
  pointer: string;
  in: FieldLocation;
  detail: string;
  /** For rule files: the 1-based line the field stands on. */
  line?: number;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  /** The same failure in words for people (zh-CN), from the message catalogue. */
  message: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://eco-credit.example.cn/problems/';
export const problemType = (code: ErrorCode) => PROBLEM_TYPE_BASE + code;

/** Each code's HTTP status and English title. A Record, so that a new code cannot go unmapped. */
export const HTTP_OF: Record<ErrorCode, { status: number; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  'malformed-body': { status: 400, title: 'Malformed request body' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'body-too-large': { status: 413, title: 'Body too large' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  internal: { status: 500, title: 'Internal error' },
  'idempotency-in-progress': { status: 409, title: 'Request in progress' },
  'idempotency-key-reused': { status: 409, title: 'Idempotency key reused' },
  'district-exists': { status: 409, title: 'District exists' },
  'subject-exists': { status: 409, title: 'Subject exists' },
  'rule-file-invalid': { status: 422, title: 'Rule file invalid' },
  'rule-examples-failed': { status: 422, title: 'Rule file examples fail' },
  'wrong-rule-kind': { status: 422, title: 'Wrong rule kind' },
  'rule-not-in-force': { status: 404, title: 'No rule set in force' },
  'already-published': { status: 409, title: 'Already published' },
  'publication-date-contradicts-file': { status: 422, title: 'Publication date contradicts the file' },
  'no-inputs': { status: 422, title: 'No inputs' },
  'evaluation-failed': { status: 422, title: 'Evaluation failed' },
  'code-not-permitted': { status: 403, title: 'Code not permitted' },
  'unknown-event-code': { status: 422, title: 'Unknown event code' },
  'event-conflict': { status: 409, title: 'Event conflict' },
  'external-id-clash': { status: 409, title: 'External id clash' },
  'reversal-of-reversal': { status: 422, title: 'Reversal of a reversal' },
  'already-reversed': { status: 409, title: 'Already reversed' },
  'objection-to-reversal': { status: 422, title: 'Objection to a reversal' },
  'objection-open': { status: 409, title: 'Objection open' },
  'objection-closed': { status: 409, title: 'Objection closed' },
  'scorecard-incomplete': { status: 422, title: 'Scorecard incomplete' },
  'wrong-subject-kind': { status: 422, title: 'Wrong subject kind' },
  'no-behaviour-list': { status: 422, title: 'No behaviour list' },
  'unknown-action': { status: 422, title: 'Unknown action' },
  'action-not-for-holder': { status: 422, title: 'Action not for this holder' },
  'action-not-permitted': { status: 403, title: 'Action not permitted' },
  'award-refused': { status: 422, title: 'Award refused' },
  'duplicate-award': { status: 409, title: 'Duplicate award' },
  'source-switched-off': { status: 403, title: 'Source switched off' },
  'cap-reached': { status: 422, title: 'Cap reached' },
  'not-an-award': { status: 422, title: 'Not an award' },
  'already-spent': { status: 409, title: 'Already spent' },
  'insufficient-points': { status: 409, title: 'Insufficient points' },
  'sold-out': { status: 409, title: 'Sold out' },
  'benefit-not-for-holder': { status: 403, title: 'Benefit not for this holder' },
  'benefit-not-valid': { status: 422, title: 'Benefit not valid now' },
  'no-consent': { status: 403, title: 'No consent' },
  'purpose-not-granted': { status: 403, title: 'Purpose not granted' },
  'scope-not-granted': { status: 403, title: 'Scope not granted' },
  'consent-revoked': { status: 403, title: 'Consent revoked' },
  'consent-expired': { status: 403, title: 'Consent expired' },
  'consent-already-revoked': { status: 409, title: 'Consent already revoked' },
  'purpose-not-allowed': { status: 403, title: 'Not allowed for this purpose' },
  'report-malformed': { status: 422, title: 'Report not genuine' },
  'report-unknown-kid': { status: 422, title: 'Report not genuine' },
  'report-bad-signature': { status: 422, title: 'Report not genuine' },
  'report-expired': { status: 422, title: 'Report not genuine' },
  'report-not-yet-valid': { status: 422, title: 'Report not genuine' },
  'report-wrong-audience': { status: 422, title: 'Report not genuine' },
  'report-wrong-issuer': { status: 422, title: 'Report not genuine' },
  'report-wrong-type': { status: 422, title: 'Report not genuine' },
  'report-not-published-key': { status: 422, title: 'Report not genuine' },
  'report-retired-key': { status: 422, title: 'Report not genuine' },
  'report-revoked': { status: 422, title: 'Report revoked' },
  'report-suspended': { status: 422, title: 'Report suspended' },
  'status-list-tampered': { status: 422, title: 'Status list not genuine' },
  'presentation-malformed': { status: 422, title: 'Presentation not genuine' },
  'presentation-wrong-type': { status: 422, title: 'Presentation not genuine' },
  'presentation-unknown-kid': { status: 422, title: 'Presentation not genuine' },
  'presentation-retired-key': { status: 422, title: 'Presentation not genuine' },
  'presentation-bad-signature': { status: 422, title: 'Presentation not genuine' },
  'presentation-expired': { status: 422, title: 'Presentation not genuine' },
  'presentation-not-yet-valid': { status: 422, title: 'Presentation not genuine' },
  'presentation-wrong-issuer': { status: 422, title: 'Presentation not genuine' },
  'presentation-disclosure-not-in-credential': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-missing': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-malformed': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-bad-signature': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-wrong-hash': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-wrong-nonce': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-wrong-audience': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-expired': { status: 422, title: 'Presentation not genuine' },
  'presentation-key-binding-not-yet-valid': { status: 422, title: 'Presentation not genuine' },
  'presentation-revoked': { status: 422, title: 'Credential revoked' },
  'presentation-suspended': { status: 422, title: 'Credential suspended' },
  'gep-future-year': { status: 400, title: 'Future year' },
  'gep-account-closed': { status: 409, title: 'Account closed' },
  'pledge-refused': { status: 422, title: 'Pledge refused' },
  'allocation-refused': { status: 422, title: 'Allocation refused' },
  'not-ready': { status: 503, title: 'Not ready' },
};

export function statusOf(code: ErrorCode): number {
  return HTTP_OF[code].status;
}

/** A domain error as the problem document the HTTP API answers with. */
export class Problem {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail: string, errors?: FieldError[], extensions: Record<string, unknown> = {}) {
    this.code = code;
    this.status = statusOf(code);
    this.detail = detail;
    this.errors = errors;
    this.extensions = extensions;
  }

  static from(error: DomainError, defaultLocation: FieldLocation = 'body'): Problem {
    const errors = error.fields.length ? error.fields.map((f) => toFieldError(f, defaultLocation)) : undefined;
    return new Problem(error.code, error.message, errors, error.extensions);
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: problemType(this.code),
      title: HTTP_OF[this.code].title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      message: messageOf(this.code),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

function toFieldError(f: FieldIssue, defaultLocation: FieldLocation): FieldError {
  return { pointer: f.pointer, in: f.in ?? defaultLocation, detail: f.detail, ...(f.line !== undefined ? { line: f.line } : {}) };
}

export { DomainError };

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
