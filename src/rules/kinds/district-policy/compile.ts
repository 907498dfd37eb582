/**
 * A district policy compiled: the numbers the services read, and the claim groups each purpose may
 * receive. One rule set id per district, so that exactly one policy is in force at any instant.
 */
import { CompileIssues } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { CLAIM_GROUPS, type ClaimGroup, type DistrictPolicyBody, type Purpose } from './body.js';

/** The rule set id every district policy has: versions of one rule set replace each other in time. */
export const DISTRICT_POLICY_ID = 'district-policy';

export interface CompiledDistrictPolicy {
  ruleSet: RuleSetRef;
  timeZone: string;
  objectionAnswerDays: number;
  reportValidDays: number;
  credentialValidDays: number;
  consentDefaultDays: number;
  consentMaxDays: number;
  retention: { negativeYears: number; positiveYears: number };
  /** The claim groups a report or presentation for this purpose may carry, in the canonical order. */
  claimsFor(purpose: Purpose): readonly ClaimGroup[];
}

export function compileDistrictPolicy(body: DistrictPolicyBody, ruleSet: RuleSetRef): CompiledDistrictPolicy {
  const issues = new CompileIssues();
  // Several policies in force side by side would leave a deadline ambiguous: one id, so one in force.
  if (ruleSet.id !== DISTRICT_POLICY_ID)
    issues.add('/id', `a district policy has the id '${DISTRICT_POLICY_ID}' (each version replaces the one before from its effectiveFrom)`);
  issues.done();
  const allowed = new Map<Purpose, readonly ClaimGroup[]>(
    Object.entries(body.purposes).map(([purpose, groups]) => [purpose as Purpose, CLAIM_GROUPS.filter((g) => groups.includes(g))]),
  );
  return {
    ruleSet,
    timeZone: body.timeZone,
    objectionAnswerDays: body.objectionAnswerDays,
    reportValidDays: body.reportValidDays,
    credentialValidDays: body.credentialValidDays,
    consentDefaultDays: body.consentDays.default,
    consentMaxDays: body.consentDays.max,
    retention: { ...body.retention },
    claimsFor: (purpose) => allowed.get(purpose) ?? [],
  };
}
