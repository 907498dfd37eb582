/**
 * Every problem type the service answers with, for the OpenAPI document: its status, its title and
 * what it means to the caller. The type URI is `https://eco-credit.example.cn/problems/{slug}`; a client
 * branches on it, never on the detail text. Services still throw `Problem` with these slugs; this list
 * is what documents them (a test fails on any answer whose type the document does not name).
 */
export interface ProblemType {
  status: number;
  title: string;
  meaning: string;
}

const t = (status: number, title: string, meaning: string): ProblemType => ({ status, title, meaning });

export const PROBLEM_TYPES = {
  // From the HTTP layer, for any operation of the right shape.
  validation: t(400, 'Invalid request', 'a parameter, header or body field is invalid; `errors` names each with its pointer'),
  'malformed-body': t(400, 'Malformed request body', 'the body is not well-formed JSON'),
  unauthenticated: t(401, 'Authentication required', 'no credentials, or an API key or token that is not valid, revoked or expired'),
  forbidden: t(403, 'Forbidden', "the caller's role, district or subject may not do this"),
  'not-found': t(404, 'Not found', 'no such district, or no such record in this district'),
  'idempotency-key-reused': t(409, 'Conflict', 'this Idempotency-Key was used before with another body'),
  'idempotency-in-progress': t(409, 'Conflict', 'a request with this Idempotency-Key is still being processed; retry shortly'),
  'body-too-large': t(413, 'Body too large', 'the body is larger than MAX_BODY_BYTES'),
  'unsupported-media-type': t(415, 'Unsupported media type', 'send the body as application/json'),
  internal: t(500, 'Internal error', 'something failed on our side; quote the request id'),
  'not-ready': t(503, 'Not ready', 'a readiness check failed; `checks` says which'),

  // Subjects and districts.
  'subject-exists': t(409, 'Conflict', 'the subject is registered already; its id is in the answer'),
  // Rules.
  'rule-file-invalid': t(422, 'Unprocessable', 'the rule file does not parse or does not check; `errors` gives file, line and field'),
  'wrong-rule-kind': t(422, 'Unprocessable', 'the rule set named is of another kind than the operation needs'),
  'evaluation-failed': t(422, 'Unprocessable', 'the scorecard cannot evaluate these facts'),
  // Credit files.
  'code-not-permitted': t(403, 'Forbidden', 'the recording agency may not record this behaviour code; nothing was recorded'),
  'external-id-clash': t(409, 'Conflict', 'an externalId was recorded before with other content; nothing was recorded'),
  'event-conflict': t(409, 'Conflict', 'another request recorded one of these events at the same moment; retry the batch'),
  'already-reversed': t(409, 'Conflict', 'the event has been reversed already'),
  'reversal-of-reversal': t(422, 'Unprocessable', 'a correction cannot itself be reversed'),
  'no-behaviour-list': t(422, 'Unprocessable', 'the scorecard in force draws on no behaviour list'),
  'wrong-subject-kind': t(422, 'Unprocessable', 'the scorecard in force scores another kind of subject'),
  'scorecard-incomplete': t(422, 'Unprocessable', 'the scorecard in force cannot score this subject'),
  'objection-open': t(409, 'Conflict', 'an objection to this event is open already'),
  'objection-closed': t(409, 'Conflict', 'the objection has been answered already'),
  'objection-to-reversal': t(422, 'Unprocessable', 'object to the original event, not to its correction'),
  // Points.
  'unknown-action': t(422, 'Unprocessable', 'the action is not in the points catalogue'),
  'action-not-for-holder': t(422, 'Unprocessable', 'the action is not awarded to this kind of holder'),
  'action-not-permitted': t(403, 'Forbidden', 'the agency may not award this action'),
  'future-date': t(400, 'Bad request', 'the date is in the future'),
  'award-refused': t(422, 'Unprocessable', 'the amount or reference does not give an award (below the minimum, or no de-duplication key)'),
  'duplicate-award': t(409, 'Conflict', 'this award was made already; it counts once'),
  'source-switched-off': t(403, 'Forbidden', 'the holder switched off points from this source'),
  'cap-reached': t(422, 'Unprocessable', 'the daily or monthly cap leaves nothing to award'),
  'not-an-award': t(422, 'Unprocessable', 'only an award can be reversed'),
  'already-spent': t(409, 'Conflict', 'the points of this award were spent or reversed already'),
  'benefit-not-for-holder': t(403, 'Forbidden', 'the benefit is not offered to this kind of holder'),
  'benefit-not-valid': t(422, 'Unprocessable', 'the benefit is not on offer today'),
  'sold-out': t(409, 'Conflict', 'no stock is left of the benefit'),
  'insufficient-points': t(409, 'Conflict', 'the balance does not cover the cost; nothing was spent'),
  // Compensation.
  'allocation-refused': t(422, 'Unprocessable', 'the inputs do not fit the rule set (a missing or out-of-range input, weights, a fund)'),
  'no-inputs': t(422, 'Unprocessable', 'the rule set was never run: give the inputs'),
  'already-published': t(409, 'Conflict', 'this version is published already'),
  // Loans.
  'pledge-refused': t(422, 'Unprocessable', 'a pledge does not belong to the borrower or has no value to lend on'),
  // Consents and reports.
  'no-consent': t(403, 'No consent', 'the subject has given your bank no consent; nothing was delivered'),
  'purpose-not-granted': t(403, 'No consent', "the subject's consent does not cover this purpose"),
  'scope-not-granted': t(403, 'No consent', "the subject's consent does not cover these scopes"),
  'consent-expired': t(403, 'No consent', "the subject's consent has expired"),
  'consent-revoked': t(403, 'No consent', 'the subject revoked the consent'),
  'report-malformed': t(422, 'Report not genuine', 'not a compact JWS: truncated or damaged'),
  'report-unknown-kid': t(422, 'Report not genuine', 'signed by a key that is not in the key set'),
  'report-bad-signature': t(422, 'Report not genuine', 'the signature does not match the content'),
  'report-expired': t(422, 'Report not genuine', 'the report has expired'),
  'report-not-yet-valid': t(422, 'Report not genuine', 'the report is not valid yet'),
  'report-wrong-audience': t(422, 'Report not genuine', 'the report was issued to another bank'),
  'report-wrong-issuer': t(422, 'Report not genuine', 'the report was issued by another district'),
  'report-wrong-type': t(422, 'Report not genuine', 'the JOSE type is not vc+jwt'),
} as const satisfies Record<string, ProblemType>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

export const PROBLEM_TYPE_BASE = 'https://eco-credit.example.cn/problems/';
