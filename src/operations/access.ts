/**
 * Who may call what, declared once, by operationId. From this table alone come the access check every
 * /v1 request passes (src/platform/http/access.ts), the `security`, `x-callers` and 401/403 answers of
 * each operation in /openapi.json (openapi-enrich.ts), the README's per-operation table
 * (`npm run cli -- access table`, held to it by tests/access-matrix.test.ts) and the access suite's
 * expected answers.
 *
 * A subject token only ever reaches its own data: the services check whose record it is (403 for
 * another subject's, 404 for an id of another district). A client key reaches its own district only.
 */
import { type Access, CALLERS, isPublic } from '../platform/http/access.js';
import type { Actor } from '../platform/http/principal.js';

/** Reference data every caller of a district may read: its name, units, policy, products, benefits, banks. */
const ANY_CALLER: readonly Actor[] = CALLERS;

export const ACCESS = {
  // Districts and reference data
  getDistrict: ANY_CALLER,
  listUnits: ANY_CALLER,
  getDistrictPolicy: ANY_CALLER,
  listLoanProducts: ANY_CALLER,
  getPointsCatalogue: ANY_CALLER,
  listBenefits: ANY_CALLER,
  listBanks: ANY_CALLER,

  // Subjects
  registerSubject: ['bureau', 'recorder'],
  getSubject: ['bureau', 'recorder', 'auditor', 'subject'],
  lookupSubject: ['bureau', 'recorder', 'auditor'],
  getOwnSubject: ['subject'],
  listSubjects: ['bureau', 'auditor'],

  // Rules
  validateRuleSet: ['bureau'],
  uploadRuleSet: ['bureau'],
  listRuleSetVersions: ['bureau', 'auditor'],
  getRuleSetVersion: ['bureau', 'recorder', 'bank', 'auditor'],
  evaluateRuleSet: ['bureau'],
  testRuleSet: ['bureau'],
  publishRuleSet: ['bureau'],
  simulateRuleSet: ['bureau'],
  diffRuleSets: ['bureau', 'auditor'],

  // Credit files
  recordCreditEvents: ['recorder'],
  listCreditEvents: ['bureau', 'recorder', 'auditor', 'subject'],
  reverseCreditEvent: ['bureau', 'recorder'],
  getCreditScore: ['bureau', 'recorder', 'auditor', 'subject'],
  fileObjection: ['subject'],
  resolveObjection: ['bureau', 'recorder'],
  listObjections: ['bureau', 'recorder', 'auditor', 'subject'],
  listCreditLists: ['bureau', 'auditor'],
  startRescore: ['bureau'],
  getRescoreJob: ['bureau', 'auditor'],
  listRescoreJobs: ['bureau', 'auditor'],

  // Points
  awardPoints: ['recorder'],
  awardPointsBatch: ['recorder'],
  reversePointsAward: ['bureau', 'recorder'],
  redeemPoints: ['subject'],
  getPointsAccount: ['bureau', 'auditor', 'subject'],
  getPointsBalance: ['bureau', 'auditor', 'subject'],
  listPointsLedger: ['bureau', 'auditor', 'subject'],
  listPointsSources: ['bureau', 'auditor', 'subject'],
  setPointsSourceConsent: ['subject'],
  createBenefit: ['bureau'],
  getPointsStatistics: ['bureau', 'auditor'],

  // GEP
  upsertGepUnit: ['bureau', 'recorder'],
  recordGepMeasurements: ['bureau', 'recorder'],
  getGepAccount: ['bureau', 'recorder', 'auditor', 'subject'],
  listGepAccountRevisions: ['bureau', 'recorder', 'auditor', 'subject'],
  closeGepAccount: ['bureau'],

  // Loans and compensation
  assessGepLoan: ['bank'],
  runAllocation: ['bureau'],
  getAllocation: ['bureau', 'auditor'],
  listAllocations: ['bureau', 'auditor'],

  // Consents, reports and credentials
  grantConsent: ['subject'],
  revokeConsent: ['subject'],
  listConsents: ['bank', 'auditor', 'bureau', 'subject'],
  issueCreditReport: ['bank'],
  verifyCreditReport: ['bureau', 'bank', 'auditor'],
  listQueryLog: ['bank', 'auditor', 'subject'],
  issueOwnCredential: ['subject'],
  verifyCredentialPresentation: ['bureau', 'bank', 'auditor'],

  // Published for anyone who verifies offline, and for the operators' probes
  getJwks: 'public',
  getStatusList: 'public',
  getHealth: 'public',
  getReadiness: 'public',
} as const satisfies Record<string, Access>;

export type OperationId = keyof typeof ACCESS;

/** The declaration of an operation, or undefined when it has none (which the app refuses at start). */
export function accessOf(operationId: string): Access | undefined {
  return Object.hasOwn(ACCESS, operationId) ? ACCESS[operationId as OperationId] : undefined;
}

/** Route (`GET /v1/districts/:districtId/subjects`) → its declaration, from the route → operationId index. */
export function accessIndex(operations: ReadonlyMap<string, string>): Map<string, Access> {
  const index = new Map<string, Access>();
  for (const [route, operationId] of operations) {
    const access = accessOf(operationId);
    if (access !== undefined) index.set(route, access);
  }
  return index;
}

/**
 * What keeps the table true to the app: operations served but not declared, entries that name no
 * operation, and operations whose path contradicts their entry. Credentials are required under /v1 and
 * nowhere else (app.ts), so a public operation must live outside it and every other one inside it.
 */
export function accessMismatches(routes: Iterable<{ operationId: string; path: string }>): {
  undeclared: string[];
  unknown: string[];
  misplaced: string[];
} {
  const served = [...routes];
  const ids = new Set(served.map((r) => r.operationId));
  const undeclared: string[] = [];
  const misplaced: string[] = [];
  for (const { operationId, path } of served) {
    const access = accessOf(operationId);
    if (access === undefined) undeclared.push(operationId);
    else if (isPublic(access) === path.startsWith('/v1/')) misplaced.push(`${operationId} (${path})`);
  }
  const unknown = Object.keys(ACCESS).filter((id) => !ids.has(id));
  return { undeclared: undeclared.sort(), unknown: unknown.sort(), misplaced: misplaced.sort() };
}

/** A few words for people: who may call. */
export function describeAccess(access: Access): string {
  if (isPublic(access)) return 'anyone, without credentials';
  return access.map((a) => (a === 'subject' ? 'a subject token (its own data)' : `\`${a}\``)).join(', ');
}

/** The README's table (`npm run cli -- access table`): one row per operation, one column per kind of caller. */
export function accessTableMarkdown(): string {
  const columns = [...CALLERS.map((a) => (a === 'subject' ? 'subject token' : `\`${a}\``)), 'no credentials'];
  const lines = [`| operation | ${columns.join(' | ')} |`, `|---|${columns.map(() => ':-:').join('|')}|`];
  for (const [id, access] of Object.entries<Access>(ACCESS)) {
    const cells = isPublic(access) ? CALLERS.map(() => '✓').concat('✓') : CALLERS.map((a) => (access.includes(a) ? '✓' : '')).concat('');
    lines.push(`| \`${id}\` | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
