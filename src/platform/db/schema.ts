/**
 * The one storage schema, shared by better-sqlite3 (Node) and D1 (Workers).
 * sqlite-core only: no driver import may appear here.
 *
 * Conventions:
 * - every row carries `district_id`; queries always filter on it (tenant isolation);
 * - money columns are TEXT holding decimal strings, never REAL;
 * - public ids are time-ordered random strings (UUIDv7 with a prefix) and are never reused;
 * - timestamps are ISO-8601 UTC strings, dates are YYYY-MM-DD strings: both sort correctly as text.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { JWK } from 'jose';
import {
  CLIENT_ROLES,
  type ClaimGroup,
  LEDGER_KINDS,
  OBJECTION_STATUSES,
  PURPOSES,
  RESCORE_STATUSES,
  RULE_SET_STATUSES,
  type Scope,
  SUBJECT_KINDS,
  type SubjectKind,
  UNIT_LEVELS,
} from '../vocabulary.js';
import type { EventAmount, JobFailure, KindTally } from './json-types.js';

export const districts = sqliteTable('districts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
  /**
   * Counts the writes that can change which rule versions are in force (a version stored as published,
   * a publication), in the same atomic unit as each: a process that saw this number knows every
   * published version there was, so it may answer from what it read then (rules/versions-in-force.ts).
   */
  rulesGeneration: integer('rules_generation').notNull().default(0),
});

export const apiClients = sqliteTable(
  'api_clients',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    role: text('role', { enum: CLIENT_ROLES }).notNull(),
    /** The recording agency a recorder acts for (e.g. 生态环境局); rule files name which agencies may record what. */
    agency: text('agency'),
    /** HMAC-SHA256(pepper, secret), base64url. The secret itself is shown once and never stored. */
    secretHash: text('secret_hash').notNull(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_clients_district').on(t.districtId)],
);

export const subjects = sqliteTable(
  'subjects',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    kind: text('kind', { enum: SUBJECT_KINDS }).notNull(),
    /** Keyed HMAC of the normalised identifier: how a subject is found without storing a resident's ID number. */
    lookupHash: text('lookup_hash').notNull(),
    /** USCC for firms (public), masked ID number for residents. */
    displayId: text('display_id').notNull(),
    name: text('name'),
    /** Administrative division code (first 6 characters of the ID number, or positions 3-8 of a USCC). */
    regionCode: text('region_code'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('subjects_district_lookup').on(t.districtId, t.lookupHash),
    // With what a list shows of a subject, so that showing thousands of them reads no table row (the red
    // and black lists at 700 000 residents: 7 ms against 20 ms for 3 779 subjects).
    index('subjects_district_id').on(t.districtId, t.id, t.kind, t.displayId, t.name),
  ],
);

export const idempotencyRecords = sqliteTable(
  'idempotency_records',
  {
    districtId: text('district_id').notNull(),
    /** Who sent the request: a client id, or `subject:<lookupHash>`. Keys are scoped to their sender. */
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /**
     * pending: a request holds the key (until `leaseUntil`); committed: its business write committed,
     * with `result`, but the answer was not stored (the process died in between); done: the answer is stored.
     */
    state: text('state', { enum: ['pending', 'committed', 'done'] }).notNull(),
    /** Which request holds the key: a takeover after the lease replaces it, so a late first request cannot overwrite. */
    claim: text('claim').notNull().default(''),
    leaseUntil: text('lease_until').notNull().default(''),
    /** JSON: the service's result, written in the same atomic unit as the business write. */
    result: text('result'),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.principal, t.key] })],
);

export const ruleSetVersions = sqliteTable(
  'rule_set_versions',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    ruleSetId: text('rule_set_id').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    /** sha256 of the canonical JSON form: stable across key order, comments and whitespace. */
    hash: text('hash').notNull(),
    /** The YAML exactly as uploaded, so a bureau sees its own comments again. */
    source: text('source').notNull(),
    /** Canonical JSON of the parsed document: what the engine compiles. */
    document: text('document').notNull(),
    status: text('status', { enum: RULE_SET_STATUSES }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    publishedAt: text('published_at'),
    publishedBy: text('published_by'),
  },
  (t) => [
    uniqueIndex('rule_set_versions_hash').on(t.districtId, t.ruleSetId, t.hash),
    index('rule_set_versions_lookup').on(t.districtId, t.ruleSetId, t.status, t.effectiveFrom),
  ],
);

/**
 * Credit files: append-only. A correction is a new event that reverses an earlier one; nothing is
 * updated or deleted. `seq` is the insertion order (integer keys keep bulk inserts fast); `id` is public.
 */
export const creditEvents = sqliteTable(
  'credit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    code: text('code').notNull(),
    occurredOn: text('occurred_on').notNull(),
    endedOn: text('ended_on'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    agency: text('agency').notNull(),
    evidence: text('evidence').notNull(),
    /** JSON: [{ name, value (decimal string), unit }], as JSON.stringify writes it (scoring groups events by this text). */
    amounts: text('amounts', { mode: 'json' }).$type<EventAmount[]>().notNull(),
    note: text('note'),
    /** Set on a reversing event: the event it cancels. At most one reversal per event. */
    reversesEventId: text('reverses_event_id').unique(),
    /** The recorder's own reference; a second event with the same one is the same event. */
    externalId: text('external_id'),
    /** sha256 of the event's content, to tell a true retry from a clash of external ids. */
    contentHash: text('content_hash').notNull(),
  },
  (t) => [
    // Covering index for scoring: a district rescore reads every subject's file from this index alone, in
    // subject order, without touching the table (bench/credit-bench.ts: 8.4 s against 0.6 s for 2M events).
    index('credit_events_subject').on(t.districtId, t.subjectId, t.code, t.occurredOn, t.endedOn, t.recordedAt, t.reversesEventId, t.amounts),
    // A subject's file in seq order: what a score reads whole and a file page reads a slice of. The covering
    // index above leads with the same columns but is ordered by code after them, so a read in seq order
    // through it sorts the whole file in a temporary B-tree (tests/query-plans.test.ts).
    index('credit_events_subject_seq').on(t.districtId, t.subjectId, t.seq),
    uniqueIndex('credit_events_external').on(t.districtId, t.agency, t.externalId),
    // The red and black lists read the events of a few listing codes, and everything they need of them is
    // here: at 7 M events each one read from the table instead was a page of its own (20 ms against 6 ms
    // for 3 785 listing events, bench/scale-bench.ts). The code leads: led by the district, a covering
    // index draws any read of a subject's events that the subject indexes do not cover, and SQLite then
    // walks the whole district through it (tests/query-plans.test.ts).
    index('credit_events_code').on(t.code, t.districtId, t.occurredOn, t.subjectId, t.endedOn, t.recordedAt, t.reversesEventId, t.id),
  ],
);

/**
 * A district rescore: every subject scored as of one instant with the rules in force then, run in
 * slices. A slice holds the lease while it runs and commits its progress with the cursor it reached, so
 * a rescore that lost its process is taken up again where it stopped, and counts nothing twice.
 */
export const rescoreJobs = sqliteTable(
  'rescore_jobs',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    status: text('status', { enum: RESCORE_STATUSES }).notNull(),
    /** The instant scored as of: events, objections and rule versions after it are left out. */
    asOf: text('as_of').notNull(),
    /** The scorecard asked for; null: each kind's primary scorecard. */
    scorecardId: text('scorecard_id'),
    subjectsTotal: integer('subjects_total').notNull(),
    subjectsDone: integer('subjects_done').notNull().default(0),
    eventsDone: integer('events_done').notNull().default(0),
    /** JSON: per subject kind, the rule sets used and the count of subjects in each grade so far. */
    results: text('results', { mode: 'json' }).$type<KindTally[]>().notNull(),
    /** The last subject id scored; the next slice starts after it. */
    cursor: text('cursor').notNull().default(''),
    leaseHolder: text('lease_holder'),
    leaseUntil: text('lease_until').notNull().default(''),
    /** JSON: why a failed job stopped. */
    error: text('error', { mode: 'json' }).$type<JobFailure>(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [index('rescore_jobs_district').on(t.districtId, t.createdAt)],
);

/** A subject's objection (异议) to an event: open until the bureau or the recording agency answers it. */
export const objections = sqliteTable(
  'objections',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    eventId: text('event_id')
      .notNull()
      .references(() => creditEvents.id),
    statement: text('statement').notNull(),
    filedAt: text('filed_at').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: OBJECTION_STATUSES }).notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
    reversalEventId: text('reversal_event_id'),
  },
  (t) => [
    index('objections_subject').on(t.districtId, t.subjectId),
    index('objections_status').on(t.districtId, t.status, t.dueOn),
    // One open objection per event at a time.
    uniqueIndex('objections_open_event').on(t.eventId).where(sql`status = 'open'`),
  ],
);

/**
 * The points ledger: every change to a holder's points is one entry, never edited. Points are whole
 * numbers. `availableOn` delays crediting; a balance is the sum of entries available on a day.
 * An earn entry is a lot that expires on `expiresOn`; expiry writes an `expire` entry per lot.
 */
export const pointsLedger = sqliteTable(
  'points_ledger',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    holderId: text('holder_id')
      .notNull()
      .references(() => subjects.id),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    points: integer('points').notNull(),
    actionCode: text('action_code'),
    source: text('source'),
    earnedOn: text('earned_on').notNull(),
    availableOn: text('available_on').notNull(),
    expiresOn: text('expires_on'),
    /** For earn entries: the catalogue's de-duplication key; unique within the district. */
    dedupKey: text('dedup_key'),
    /** For expire and reverse entries: the earn entry (lot) they act on; one expiry per lot. */
    lotId: text('lot_id'),
    redemptionId: text('redemption_id'),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    ruleSetId: text('rule_set_id'),
    ruleSetHash: text('rule_set_hash'),
  },
  (t) => [
    // Covering index: a balance is a sum over (holder, availableOn) reading no other page.
    index('points_ledger_balance').on(t.districtId, t.holderId, t.availableOn, t.points),
    // A holder's entries in seq order: what every account read (expiry, balance, history) and a ledger page
    // read; through the balance index they would be sorted in a temporary B-tree on every read. It carries
    // what expiry and a balance read of an entry, so that those reads stay in the index: a holder's entries
    // lie scattered over the table, one page each (100 µs for 20 entries against 15 from the index).
    index('points_ledger_holder_seq').on(
      t.districtId,
      t.holderId,
      t.seq,
      t.kind,
      t.points,
      t.actionCode,
      t.earnedOn,
      t.availableOn,
      t.expiresOn,
      t.lotId,
      t.id,
    ),
    index('points_ledger_action_day').on(t.districtId, t.holderId, t.actionCode, t.earnedOn),
    uniqueIndex('points_ledger_dedup').on(t.districtId, t.dedupKey),
    uniqueIndex('points_ledger_lot_event').on(t.lotId, t.kind),
    index('points_ledger_stats').on(t.districtId, t.earnedOn, t.kind),
  ],
);

/**
 * The points ledger summed per district, month, kind and action: what the bureau's statistics read, so
 * that they cost the same in a district of a million holders as in one of a hundred. Kept by a trigger
 * on every ledger insert (migration 0008), in the same transaction as the entry: it is always exactly
 * the sum of the ledger, which is append-only. `action_code` is '' where the entry has none.
 */
export const pointsMonthly = sqliteTable(
  'points_monthly',
  {
    districtId: text('district_id').notNull(),
    month: text('month').notNull(),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    actionCode: text('action_code').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.month, t.kind, t.actionCode] })],
);

/** Benefits a bureau registers: what points buy. `stock` null means unlimited. */
export const benefits = sqliteTable(
  'benefits',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    description: text('description'),
    cost: integer('cost').notNull(),
    stock: integer('stock'),
    holderKinds: text('holder_kinds', { mode: 'json' }).$type<SubjectKind[]>().notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('benefits_district').on(t.districtId, t.validUntil)],
);

/** One row per unit of a benefit handed out; `unit` numbers them so stock can be checked in SQL. */
export const redemptions = sqliteTable(
  'redemptions',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    benefitId: text('benefit_id')
      .notNull()
      .references(() => benefits.id),
    holderId: text('holder_id')
      .notNull()
      .references(() => subjects.id),
    unit: integer('unit').notNull(),
    cost: integer('cost').notNull(),
    redeemedAt: text('redeemed_at').notNull(),
  },
  (t) => [uniqueIndex('redemptions_unit').on(t.benefitId, t.unit), index('redemptions_holder').on(t.districtId, t.holderId)],
);

/** A holder's per-source consent: a source switched off refuses awards from then on. */
export const pointsSourceConsents = sqliteTable(
  'points_source_consents',
  {
    districtId: text('district_id').notNull(),
    holderId: text('holder_id')
      .notNull()
      .references(() => subjects.id),
    source: text('source').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    changedAt: text('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.holderId, t.source] })],
);

/** A subject's consent for one bank, one purpose and some scopes, until it expires or is revoked. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    bankClientId: text('bank_client_id')
      .notNull()
      .references(() => apiClients.id),
    purpose: text('purpose', { enum: PURPOSES }).notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<Scope[]>().notNull(),
    grantedAt: text('granted_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    /** How the consent was given (token issuer, statement, time), kept as proof. */
    evidence: text('evidence', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('consents_subject').on(t.districtId, t.subjectId), index('consents_bank').on(t.districtId, t.bankClientId, t.subjectId)],
);

/** Public halves of a district's report-signing keys; the private halves live in the key store. */
export const signingKeys = sqliteTable(
  'signing_keys',
  {
    kid: text('kid').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    publicJwk: text('public_jwk', { mode: 'json' }).$type<JWK>().notNull(),
    createdAt: text('created_at').notNull(),
    retiredAt: text('retired_at'),
    /** The latest expiry of any report the key signed: a retired key stays published until then. */
    lastReportExpiresAt: text('last_report_expires_at'),
  },
  (t) => [index('signing_keys_district').on(t.districtId, t.retiredAt)],
);

export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    bankClientId: text('bank_client_id').notNull(),
    consentId: text('consent_id')
      .notNull()
      .references(() => consents.id),
    kid: text('kid').notNull(),
    purpose: text('purpose').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<Scope[]>().notNull(),
    issuedAt: text('issued_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** sha256 of the compact JWS, to recognise a report later without keeping its content. */
    jwsHash: text('jws_hash').notNull(),
  },
  (t) => [index('reports_subject').on(t.districtId, t.subjectId)],
);

/** Every report issued and every read of a subject's data by anyone but the subject. */
export const queryLog = sqliteTable(
  'query_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    districtId: text('district_id').notNull(),
    subjectId: text('subject_id').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    purpose: text('purpose').notNull(),
    consentId: text('consent_id'),
    reportId: text('report_id'),
  },
  (t) => [index('query_log_subject').on(t.districtId, t.subjectId, t.seq), index('query_log_district').on(t.districtId, t.seq)],
);

/** A GEP accounting unit: a district, town, plot or project, owned by a subject where it has an owner. */
export const gepUnits = sqliteTable(
  'gep_units',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: UNIT_LEVELS }).notNull(),
    /** The unit it belongs to (district → town → village → plot), by code; null at the top. */
    parentCode: text('parent_code'),
    /** Its account is the sum of its children's (and it takes no indicator measurements of its own). */
    rollUp: integer('roll_up', { mode: 'boolean' }).notNull().default(false),
    /** Ecological red-line and forest areas within it, hectares (decimal strings): factors for compensation. */
    redLineAreaHa: text('red_line_area_ha'),
    forestAreaHa: text('forest_area_ha'),
    ownerSubjectId: text('owner_subject_id').references(() => subjects.id),
    /** Hectares, a decimal string. */
    areaHa: text('area_ha').notNull(),
    /** e.g. ["forest", "wetland"]. */
    ecosystemTypes: text('ecosystem_types', { mode: 'json' }).$type<string[]>().notNull(),
    /** The GEP method (rule set id) the unit is accounted by; null: the district's only method in force. */
    methodId: text('method_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('gep_units_code').on(t.districtId, t.code), index('gep_units_owner').on(t.districtId, t.ownerSubjectId)],
);

/**
 * Yearly measurements per indicator, exactly as recorded: the value and unit as sent, and the source.
 * Never stored converted: an account converts into the unit its method asks for when it is read, so a
 * method revision that changes an indicator's unit cannot reread an old number in the new unit.
 * A new upload for the same unit, year and indicator supersedes the earlier one; both are kept.
 */
export const gepMeasurements = sqliteTable(
  'gep_measurements',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    districtId: text('district_id').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => gepUnits.id),
    year: integer('year').notNull(),
    indicator: text('indicator').notNull(),
    value: text('value').notNull(),
    unit: text('unit').notNull(),
    source: text('source').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('gep_measurements_unit_year').on(t.unitId, t.year, t.indicator, t.seq)],
);

/** GEP eco-loan assessments given to banks, kept so that a signed report can include them. */
export const loanAssessments = sqliteTable(
  'loan_assessments',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    bankClientId: text('bank_client_id').notNull(),
    consentId: text('consent_id').notNull(),
    productId: text('product_id').notNull(),
    productHash: text('product_hash').notNull(),
    eligible: integer('eligible', { mode: 'boolean' }).notNull(),
    ceiling: text('ceiling').notNull(),
    /** JSON: the request as given. */
    request: text('request').notNull(),
    /** JSON: the whole assessment with its reasons; loans reads it with its schema. */
    result: text('result', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('loan_assessments_subject').on(t.districtId, t.subjectId)],
);

/** An allocation as run: the exact rule version and inputs, so that it can be re-run to the fen years later. */
export const allocationRuns = sqliteTable(
  'allocation_runs',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    ruleSetId: text('rule_set_id').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => ruleSetVersions.id),
    hash: text('hash').notNull(),
    period: text('period').notNull(),
    fund: text('fund'),
    total: text('total').notNull(),
    /** JSON: the input as filled from the records; compensation reads it with its schema. */
    inputs: text('inputs', { mode: 'json' }).notNull(),
    /** JSON: the allocation with every step; compensation reads it with its schema. */
    result: text('result', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('allocation_runs_rule_set').on(t.districtId, t.ruleSetId, t.createdAt)],
);

/**
 * Sessions of the pages. The cookie holds a random secret; only its SHA-256 is stored here, with who
 * signed in (a client id, or a subject's kind, lookup hash and identity provider: never a token or an
 * API key) and when the session ends. A pending OpenID Connect sign-in is a session without a
 * principal whose `login` holds the state, nonce and PKCE verifier until the provider answers.
 */
export const pageSessions = sqliteTable(
  'page_sessions',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    kind: text('kind', { enum: ['login', 'client', 'subject'] }).notNull(),
    clientId: text('client_id'),
    subjectKind: text('subject_kind', { enum: SUBJECT_KINDS }),
    lookupHash: text('lookup_hash'),
    issuer: text('issuer'),
    /** For a pending sign-in only. */
    login: text('login', { mode: 'json' }).$type<{ state: string; nonce: string; codeVerifier: string }>(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('page_sessions_expires').on(t.expiresAt)],
);

/**
 * The method version an open account was first read, pledged or reported with: later publications do
 * not change it. One per unit and year; a closed revision supersedes it.
 */
export const gepAccountPins = sqliteTable(
  'gep_account_pins',
  {
    districtId: text('district_id').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => gepUnits.id),
    year: integer('year').notNull(),
    methodVersionId: text('method_version_id').notNull(),
    pinnedAt: text('pinned_at').notNull(),
    pinnedBy: text('pinned_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/**
 * A closed (approved) account of a unit and year: immutable. A correction is a new revision; every
 * revision is kept. What banks, loans and reports use once there is one.
 */
export const gepAccounts = sqliteTable(
  'gep_accounts',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => gepUnits.id),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    methodVersionId: text('method_version_id').notNull(),
    methodHash: text('method_hash').notNull(),
    total: text('total').notNull(),
    /** JSON: the whole account as closed, rows, steps, measurements used and all; GEP reads it with its schema. */
    account: text('account', { mode: 'json' }).notNull(),
    note: text('note'),
    closedAt: text('closed_at').notNull(),
    closedBy: text('closed_by').notNull(),
  },
  (t) => [
    uniqueIndex('gep_accounts_revision').on(t.unitId, t.year, t.revision),
    index('gep_accounts_unit_year').on(t.districtId, t.unitId, t.year, t.closedAt),
  ],
);

/**
 * A credential a subject downloaded (an SD-JWT VC bound to its own key): what was issued, not its
 * content. The holder key is kept by its RFC 7638 thumbprint only.
 */
export const credentials = sqliteTable(
  'credentials',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    holderKeyThumbprint: text('holder_key_thumbprint').notNull(),
    kid: text('kid').notNull(),
    /** The claim groups it holds. */
    claims: text('claims', { mode: 'json' }).$type<ClaimGroup[]>().notNull(),
    issuedAt: text('issued_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** sha256 of the issued SD-JWT, to recognise it later without keeping its content. */
    sdJwtHash: text('sd_jwt_hash').notNull(),
  },
  (t) => [index('credentials_subject').on(t.districtId, t.subjectId)],
);

/**
 * The status entry (IETF Token Status List) of each report and credential: which list and index it
 * holds. The status itself is never stored: the published list derives it from the record, so that
 * nothing has to remember to update it (an upheld objection to an event the token carried revokes it;
 * a revoked or expired consent behind a bank's report suspends it) and the token itself never changes.
 */
export const statusEntries = sqliteTable(
  'status_entries',
  {
    /** The report's or credential's id. */
    id: text('id').primaryKey(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    listId: integer('list_id').notNull(),
    idx: integer('idx').notNull(),
    kind: text('kind', { enum: ['report', 'credential'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    /** The consent behind a bank's report; null for a subject's own credential. */
    consentId: text('consent_id'),
    issuedAt: text('issued_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [uniqueIndex('status_entries_slot').on(t.districtId, t.listId, t.idx)],
);

/**
 * How many entries each status list holds, kept in the same atomic write as each entry: issuing a
 * token asks whether the open list is full, and counting its entries grew with every token issued
 * (170 µs a report at 4 000 entries, toward 0.7 ms at the 16 384 a list takes).
 */
export const statusLists = sqliteTable(
  'status_lists',
  {
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    listId: integer('list_id').notNull(),
    used: integer('used').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.listId] })],
);

/** The credit events each report or credential carried, so that an upheld objection finds the tokens it revokes. */
export const statusEntryEvents = sqliteTable(
  'status_entry_events',
  {
    districtId: text('district_id').notNull(),
    entryId: text('entry_id').notNull(),
    eventId: text('event_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.eventId] }), index('status_entry_events_event').on(t.districtId, t.eventId)],
);
