/**
 * GEP eco-loan products and assessments for banks, with the borrower's consent.
 */
import Decimal from 'decimal.js';
import { and, eq, inArray } from 'drizzle-orm';
import { requireConsent } from '../consents/consents.service.js';
import { creditPolicy } from '../credit/credit-policy.service.js';
import { subjectFile } from '../credit/events.service.js';
import { scoreSubject } from '../credit/score.service.js';
import { accountOf } from '../gep/accounts.service.js';
import { latestYearWithData } from '../gep/measurements.service.js';
import { getSubject } from '../identity/subjects.service.js';
import { readLogStatements } from '../platform/audit/query-log.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { addMonths, addYears } from '../platform/dates.js';
import { readStored } from '../platform/db/json-types.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { gepUnits, loanAssessments } from '../platform/db/schema.js';
import { DomainError, type FieldIssue, fail } from '../platform/errors.js';
import { newId } from '../platform/util/ids.js';
import { type Assessment, assessLoan, type BorrowerFacts, type PledgeValue } from '../rules/kinds/loan-product/assess.js';
import type { GepValueType, LoanProductBody, PledgeType } from '../rules/kinds/loan-product/body.js';
import { activeVersion, activeVersionsOfKind, documentOf } from '../rules/rule-sets.service.js';
import { StoredAssessment } from './schemas.js';

export interface LoanProduct {
  id: string;
  version: number;
  hash: string;
  title: string;
  body: LoanProductBody;
}

export async function listLoanProducts(ctx: ServiceContext): Promise<LoanProduct[]> {
  const rows = await activeVersionsOfKind(ctx, 'loan-product', ctx.now);
  const docs = await Promise.all(rows.map((r) => documentOf(ctx, r)));
  return rows.flatMap((r, i) => {
    const doc = docs[i];
    return doc?.kind === 'loan-product' ? [{ id: doc.id, version: doc.version, hash: r.hash, title: doc.title, body: doc.body }] : [];
  });
}

export type PledgeInput =
  | { type: 'gep'; unitCode: string; year?: number | undefined; valueType?: GepValueType | undefined }
  | { type: 'forest-rights' | 'discharge-rights' | 'water-rights'; reference: string; appraisedValue: string }
  | { type: 'carbon-sink'; reference: string; tco2e: string };

export interface AssessInput {
  subjectId: string;
  productId: string;
  pledges: PledgeInput[];
  requestedAmount: string;
  termMonths: number;
  guarantee: 'none' | 'guaranteed' | 'collateral';
  ecoPledgeSigned: boolean;
}

export async function assessGepLoan(ctx: ServiceContext, input: AssessInput): Promise<{ id: string; assessment: Assessment }> {
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'bank') throw fail.forbidden('only a bank asks for an assessment');
  const committed = committedOutcome<{ id: string; assessment: Assessment }>(ctx);
  if (committed) return committed;
  const subject = await getSubject(ctx, input.subjectId);
  const consent = await requireConsent(ctx, subject.id, p.clientId, 'loan-application', ['credit', 'gep-assets']);
  const productRow = await activeVersion(ctx, input.productId, ctx.now);
  const productDoc = await documentOf(ctx, productRow);
  if (productDoc.kind !== 'loan-product') throw fail.notFound(`'${input.productId}' is not a loan product`);
  const product = productDoc.body;

  const pledges = await valuePledges(ctx, subject.id, product, input.pledges);

  const { score, scorecards } = await scoreSubject(ctx, subject.id, { subject, scorecard: product.eligibility.scorecard, all: true });
  const policy = await creditPolicy(ctx, subject.kind, ctx.now, product.eligibility.scorecard);
  const otherGrades = Object.fromEntries(
    scorecards.map((s) => [s.ruleSets.scorecard.id, { grade: s.grade, gradeLabel: s.gradeLabel, ruleSet: s.ruleSets.scorecard }]),
  );
  const today = chinaDate(ctx.now);
  const e = product.eligibility;
  const incidentSince = e.noMajorIncidentYears ? addYears(today, -e.noMajorIncidentYears) : null;
  const penaltySince = e.noAdminPenaltyMonths ? addMonths(today, -e.noAdminPenaltyMonths) : null;
  const file = await subjectFile(ctx, subject.id);
  const reversed = new Set(file.filter((ev) => ev.reversesEventId).map((ev) => ev.reversesEventId));
  const live = file.filter((ev) => !ev.reversesEventId && !reversed.has(ev.id) && ev.occurredOn <= today);
  const borrower: BorrowerFacts = {
    kind: subject.kind,
    grade: score.grade,
    gradeLabel: score.gradeLabel,
    gradeOrder: policy.scorecardBody.bands.map((b) => b.grade),
    blackListed: score.lists.some((l) => l.list === 'black'),
    majorIncidents: incidentSince
      ? live
          .filter((ev) => policy.list.codes.get(ev.code)?.def.severity === 'major' && ev.occurredOn > incidentSince)
          .map((ev) => ({ eventId: ev.id, occurredOn: ev.occurredOn }))
      : [],
    adminPenalties: penaltySince
      ? live
          .filter((ev) => e.adminPenaltyCodes.includes(ev.code) && ev.occurredOn > penaltySince)
          .map((ev) => ({ eventId: ev.id, occurredOn: ev.occurredOn }))
      : [],
    incidentSince,
    scorecard: score.ruleSets.scorecard,
    otherGrades,
    penaltySince,
  };
  const assessment = assessLoan(
    product,
    { id: productDoc.id, version: productDoc.version, hash: productRow.hash },
    borrower,
    pledges,
    {
      requestedAmount: new Decimal(input.requestedAmount),
      termMonths: input.termMonths,
      guarantee: input.guarantee,
      ecoPledgeSigned: input.ecoPledgeSigned,
    },
    [
      score.ruleSets.scorecard,
      score.ruleSets.behaviourList,
      ...(score.ruleSets.districtPolicy ? [score.ruleSets.districtPolicy] : []),
      ...product.gradeAdjustments.flatMap((a) => {
        const used = otherGrades[a.scorecard]?.ruleSet;
        return used && used.hash !== score.ruleSets.scorecard.hash ? [used] : [];
      }),
      ...gepRuleSets(pledges),
    ].filter((r, i, all) => all.findIndex((o) => o.hash === r.hash) === i),
  );

  const id = newId('lna', ctx.now);
  const { db } = ctx.deps.storage;
  await commit(
    ctx,
    [
      db
        .insert(loanAssessments)
        .values({
          id,
          districtId: ctx.districtId,
          subjectId: subject.id,
          bankClientId: p.clientId,
          consentId: consent.id,
          productId: productDoc.id,
          productHash: productRow.hash,
          eligible: assessment.eligible,
          ceiling: assessment.ceiling,
          request: JSON.stringify(input),
          result: assessment,
          createdAt: ctx.now.toISOString(),
        })
        .returning({ id: loanAssessments.id }),
      ...readLogStatements(ctx, subject.id, 'assessGepLoan', { purpose: 'loan-application', consentId: consent.id }),
    ],
    { id, assessment },
  );
  return { id, assessment };
}

const gepRefs = new WeakMap<PledgeValue, { id: string; version: number; hash: string }>();
function gepRuleSets(pledges: readonly PledgeValue[]) {
  const refs = pledges.map((p) => gepRefs.get(p)).filter((r): r is { id: string; version: number; hash: string } => r !== undefined);
  return refs.filter((r, i) => refs.findIndex((o) => o.hash === r.hash) === i);
}

const VALUE_TEXT: Record<GepValueType, string> = { annual: 'annual GEP', increment: 'GEP increment', asset: 'GEP asset value (VEP)' };

/** The value behind each pledge; a pledge the product does not take, or an asset the borrower does not own, is refused. */
async function valuePledges(
  ctx: ServiceContext,
  subjectId: string,
  product: LoanProductBody,
  inputs: readonly PledgeInput[],
): Promise<PledgeValue[]> {
  const errors: FieldIssue[] = [];
  const out: PledgeValue[] = [];
  const gepCodes = inputs.flatMap((p) => (p.type === 'gep' ? [p.unitCode] : []));
  const units = gepCodes.length
    ? await ctx.deps.storage.db
        .select()
        .from(gepUnits)
        .where(and(eq(gepUnits.districtId, ctx.districtId), inArray(gepUnits.code, gepCodes)))
    : [];
  for (const [i, p] of inputs.entries()) {
    const at = `/pledges/${i}`;
    if (!product.pledges[p.type as PledgeType]) {
      errors.push({ pointer: `${at}/type`, in: 'body', detail: `this product does not take ${p.type} as a pledge` });
      continue;
    }
    if (p.type === 'gep') {
      const unit = units.find((u) => u.code === p.unitCode);
      if (!unit) {
        errors.push({ pointer: `${at}/unitCode`, in: 'body', detail: `no GEP accounting unit '${p.unitCode}'` });
        continue;
      }
      if (unit.ownerSubjectId !== subjectId) {
        errors.push({ pointer: `${at}/unitCode`, in: 'body', detail: `the borrower does not own '${p.unitCode}'` });
        continue;
      }
      const year = p.year ?? (await latestYearWithData(ctx, unit));
      if (year === null) {
        errors.push({ pointer: `${at}/unitCode`, in: 'body', detail: `'${p.unitCode}' has no GEP measurements yet` });
        continue;
      }
      const spec = product.pledges.gep as { valueType: GepValueType; closedOnly: boolean };
      if (p.valueType && p.valueType !== spec.valueType) {
        errors.push({
          pointer: `${at}/valueType`,
          in: 'body',
          detail: `this product lends against the ${VALUE_TEXT[spec.valueType]}, not the ${VALUE_TEXT[p.valueType]}: one is not the other`,
        });
        continue;
      }
      // The closed revision where there is one; an open account is pinned to its method from now on.
      const account = await accountOf(ctx, unit, year, { pin: true });
      if (spec.closedOnly && account.status !== 'closed') {
        errors.push({
          pointer: `${at}/unitCode`,
          in: 'body',
          detail: `the ${year} GEP account of '${p.unitCode}' is not closed (approved) by the bureau yet`,
        });
        continue;
      }
      const amount = account.values[spec.valueType];
      if (amount === null) {
        const why =
          spec.valueType === 'increment' ? `there is no ${year - 1} account to compare with` : `method ${account.ruleSet.id} states no discount rate`;
        errors.push({ pointer: `${at}/unitCode`, in: 'body', detail: `'${p.unitCode}' has no ${VALUE_TEXT[spec.valueType]} for ${year}: ${why}` });
        continue;
      }
      const state = account.status === 'closed' ? `closed revision ${account.revision}` : 'open account';
      const value: PledgeValue = {
        type: 'gep',
        reference: unit.code,
        basis: new Decimal(amount),
        basisDescription: `${VALUE_TEXT[spec.valueType]} ${year} of ${unit.name} ${amount} yuan (${state})${account.complete ? '' : ` (not assessed: ${account.notAssessed.join(', ')})`}`,
        account: {
          unitCode: unit.code,
          year,
          valueType: spec.valueType,
          status: account.status,
          revision: account.revision,
          methodVersionId: account.methodVersionId,
        },
      };
      gepRefs.set(value, account.ruleSet);
      out.push(value);
    } else if (p.type === 'carbon-sink') {
      const spec = product.pledges['carbon-sink'] as { referencePrice: string };
      const basis = new Decimal(p.tco2e).mul(spec.referencePrice);
      if (!new Decimal(p.tco2e).gt(0)) errors.push({ pointer: `${at}/tco2e`, in: 'body', detail: 'must be more than 0' });
      else
        out.push({
          type: 'carbon-sink',
          reference: p.reference,
          basis,
          basisDescription: `${p.tco2e} t-CO2 verified × ${spec.referencePrice} yuan/t-CO2`,
        });
    } else {
      const value = new Decimal(p.appraisedValue);
      if (!value.gt(0)) errors.push({ pointer: `${at}/appraisedValue`, in: 'body', detail: 'must be more than 0' });
      else out.push({ type: p.type, reference: p.reference, basis: value, basisDescription: `appraised value ${value.toFixed(2)} yuan` });
    }
  }
  if (errors.length) throw new DomainError('pledge-refused', `${errors[0]?.detail}; nothing was assessed`, { fields: errors });
  if (out.length === 0) throw fail.invalid('name at least one pledge', [{ pointer: '/pledges', in: 'body', detail: 'empty' }]);
  return out;
}

export async function assessmentsFor(ctx: ServiceContext, subjectId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.deps.storage.db
    .select()
    .from(loanAssessments)
    .where(and(eq(loanAssessments.districtId, ctx.districtId), eq(loanAssessments.subjectId, subjectId), inArray(loanAssessments.id, [...ids])));
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw fail.notFound(`no assessment ${missing.join(', ')} of this subject`);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    product: { id: r.productId, hash: r.productHash },
    ...readStored(StoredAssessment, r.result, `loan assessment ${r.id}`),
  }));
}
