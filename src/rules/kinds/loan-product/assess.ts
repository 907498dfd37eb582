/**
 * A GEP eco-loan assessment: an indicative ceiling with reasons, not an approval (banks still
 * underwrite cash flow). Pure: the caller gathers the borrower's credit, file and pledge values.
 *
 * eligibility → every failed condition, named; pledges → each pledge's basis × its ratio;
 * ceiling = min(Σ pledges × the grade's line multiplier, the cap for the borrower kind and guarantee);
 * rate adjustment from the grade.
 */
import Decimal from 'decimal.js';
import type { SubjectKind } from '../../../platform/vocabulary.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import type { LoanProductBody, PledgeType } from './body.js';

export interface PledgeValue {
  type: PledgeType;
  /** What the pledge is: a unit code, a certificate number. */
  reference: string;
  /** The value the ratio applies to, in yuan (for carbon sinks: tCO2e × reference price). */
  basis: Decimal;
  basisDescription: string;
  /** For a GEP pledge: the account version the basis was read from. */
  account?: PledgedAccount | undefined;
}

export interface PledgedAccount {
  unitCode: string;
  year: number;
  valueType: 'annual' | 'increment' | 'asset';
  status: 'open' | 'closed';
  revision: number | null;
  methodVersionId: string;
}

export interface BorrowerFacts {
  kind: SubjectKind;
  grade: string;
  gradeLabel: string;
  /** Grades of the borrower's scorecard, best first. */
  gradeOrder: readonly string[];
  blackListed: boolean;
  majorIncidents: Array<{ eventId: string; occurredOn: string }>;
  adminPenalties: Array<{ eventId: string; occurredOn: string }>;
  /** The first day counted for each look-back (China dates). */
  incidentSince: string | null;
  penaltySince: string | null;
  /** The scorecard the grade above comes from. */
  scorecard: RuleSetRef;
  /** The borrower's grade on every other scorecard in force for it, by scorecard id. */
  otherGrades: Readonly<Record<string, { grade: string; gradeLabel: string; ruleSet: RuleSetRef }>>;
}

export interface AssessmentRequest {
  requestedAmount: Decimal;
  termMonths: number;
  guarantee: 'none' | 'guaranteed' | 'collateral';
  ecoPledgeSigned: boolean;
}

export interface Assessment {
  eligible: boolean;
  failedConditions: Array<{ condition: string; reason: string }>;
  pledges: Array<{
    type: PledgeType;
    reference: string;
    basis: string;
    basisDescription: string;
    ratio: string;
    ceiling: string;
    account?: PledgedAccount;
  }>;
  pledgeTotal: string;
  lineMultiplier: string;
  cap: { borrowerKind: string; guarantee: string; max: string } | null;
  ceiling: string;
  requestedAmount: string;
  withinCeiling: boolean;
  termMonths: number;
  maxTermMonths: number;
  rateAdjustmentBp: number;
  grade: string;
  /** The scorecard whose grade decided eligibility and the rate. */
  scorecard: RuleSetRef;
  /** Each grade condition on another scorecard: whether it applied, and what it did. */
  gradeAdjustments: Array<{
    id: string;
    reason: string;
    scorecard: string;
    grade: string | null;
    applied: boolean;
    lineMultiplier: string;
    bp: number;
  }>;
  reasons: string[];
  ruleSets: RuleSetRef[];
}

const yuan = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);

export function assessLoan(
  product: LoanProductBody,
  productRef: RuleSetRef,
  borrower: BorrowerFacts,
  pledges: readonly PledgeValue[],
  request: AssessmentRequest,
  otherRuleSets: readonly RuleSetRef[],
): Assessment {
  const failed: Assessment['failedConditions'] = [];
  const reasons: string[] = [];
  const e = product.eligibility;

  if (!product.borrowerKinds.includes(borrower.kind))
    failed.push({ condition: 'borrower-kind', reason: `${product.name} does not lend to ${borrower.kind}s` });
  const min = e.minGrade?.[borrower.kind];
  if (min) {
    const have = borrower.gradeOrder.indexOf(borrower.grade);
    const need = borrower.gradeOrder.indexOf(min);
    if (need === -1) failed.push({ condition: 'min-grade', reason: `the product asks for grade ${min}, which the scorecard does not have` });
    else if (have > need)
      failed.push({ condition: 'min-grade', reason: `credit grade ${borrower.grade} (${borrower.gradeLabel}) is below the required ${min}` });
    else reasons.push(`credit grade ${borrower.grade} (${borrower.gradeLabel}) meets the required ${min}`);
  }
  if (e.noMajorIncidentYears && borrower.majorIncidents.length > 0) {
    const first = borrower.majorIncidents[0];
    failed.push({
      condition: 'major-incident',
      reason: `a major environmental incident on ${first?.occurredOn} (event ${first?.eventId}) is within ${e.noMajorIncidentYears} years`,
    });
  }
  if (e.noAdminPenaltyMonths && borrower.adminPenalties.length > 0) {
    const first = borrower.adminPenalties[0];
    failed.push({
      condition: 'admin-penalty',
      reason: `an administrative penalty on ${first?.occurredOn} (event ${first?.eventId}) is within ${e.noAdminPenaltyMonths} months`,
    });
  }
  if (e.notBlackListed && borrower.blackListed) failed.push({ condition: 'black-list', reason: 'the borrower is on the black list (失信惩戒)' });
  if (e.requireEcoPledge && !request.ecoPledgeSigned)
    failed.push({ condition: 'eco-pledge', reason: 'the eco-protection pledge (生态保护承诺书) is not signed' });
  if (request.termMonths > product.maxTermMonths)
    failed.push({ condition: 'term', reason: `a term of ${request.termMonths} months is longer than the product's ${product.maxTermMonths}` });

  const pledgeRows = pledges.map((p) => {
    const spec = product.pledges[p.type] as { ratio: string } | undefined;
    const ratio = new Decimal(spec?.ratio ?? '0');
    const ceiling = p.basis.mul(ratio);
    reasons.push(`${p.type} ${p.reference}: ${p.basisDescription} × ${ratio.toString()} = ${yuan(ceiling)} yuan`);
    return {
      type: p.type,
      reference: p.reference,
      basis: yuan(p.basis),
      basisDescription: p.basisDescription,
      ratio: ratio.toString(),
      ceiling: yuan(ceiling),
      ...(p.account ? { account: p.account } : {}),
    };
  });
  const pledgeTotal = pledgeRows.reduce((s, r) => s.plus(r.ceiling), new Decimal(0));
  const rate = product.rateByGrade[borrower.grade];
  let multiplier = new Decimal(rate?.lineMultiplier ?? '1');
  let bp = rate?.bp ?? 0;
  if (!rate) reasons.push(`grade ${borrower.grade} has no rate adjustment in this product`);
  else reasons.push(`grade ${borrower.grade}: rate ${rate.bp >= 0 ? '+' : ''}${rate.bp} bp, credit line × ${multiplier.toString()}`);
  const gradeAdjustments = product.gradeAdjustments.map((a) => {
    const other = borrower.otherGrades[a.scorecard];
    const applied = other !== undefined && a.grades.includes(other.grade);
    if (applied) {
      multiplier = multiplier.mul(a.lineMultiplier);
      bp += a.bp;
      reasons.push(
        `${a.reason}: ${a.scorecard} grade ${other.grade} (${other.gradeLabel}): credit line × ${a.lineMultiplier}, rate ${a.bp >= 0 ? '+' : ''}${a.bp} bp`,
      );
    } else if (a.required) {
      failed.push({
        condition: `grade-${a.id}`,
        reason: other
          ? `${a.scorecard} grade ${other.grade} (${other.gradeLabel}) is not one of ${a.grades.join(', ')}`
          : `the borrower is not scored by ${a.scorecard}, which the product requires`,
      });
    }
    return { id: a.id, reason: a.reason, scorecard: a.scorecard, grade: other?.grade ?? null, applied, lineMultiplier: a.lineMultiplier, bp: a.bp };
  });
  const cap = product.caps.find((c) => c.borrowerKind === borrower.kind && c.guarantee === request.guarantee) ?? null;
  if (!cap) failed.push({ condition: 'guarantee', reason: `${product.name} has no cap for ${borrower.kind}s with guarantee '${request.guarantee}'` });
  const beforeCap = pledgeTotal.mul(multiplier);
  let ceiling = beforeCap;
  if (cap && beforeCap.gt(cap.max)) {
    ceiling = new Decimal(cap.max);
    reasons.push(`the product caps ${borrower.kind} loans with guarantee '${cap.guarantee}' at ${yuan(new Decimal(cap.max))} yuan`);
  }
  if (failed.length > 0) ceiling = new Decimal(0);
  const withinCeiling = request.requestedAmount.lte(ceiling);
  reasons.push(
    failed.length > 0
      ? 'not eligible: no ceiling'
      : `indicative ceiling ${yuan(ceiling)} yuan; requested ${yuan(request.requestedAmount)} yuan is ${withinCeiling ? 'within' : 'above'} it`,
  );
  return {
    eligible: failed.length === 0,
    failedConditions: failed,
    pledges: pledgeRows,
    pledgeTotal: yuan(pledgeTotal),
    lineMultiplier: multiplier.toString(),
    cap: cap ? { borrowerKind: cap.borrowerKind, guarantee: cap.guarantee, max: yuan(new Decimal(cap.max)) } : null,
    ceiling: yuan(ceiling),
    requestedAmount: yuan(request.requestedAmount),
    withinCeiling,
    termMonths: request.termMonths,
    maxTermMonths: product.maxTermMonths,
    rateAdjustmentBp: failed.length > 0 ? 0 : bp,
    grade: borrower.grade,
    scorecard: borrower.scorecard,
    gradeAdjustments,
    reasons,
    ruleSets: [productRef, ...otherRuleSets],
  };
}
