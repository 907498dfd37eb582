/** What an allocation takes and gives back, and how it refuses. */
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import type { AllocationBody } from './body.js';
import { D, type Dec } from './rounding.js';

export interface RecipientInput {
  id: string;
  name?: string | undefined;
  values: Record<string, string>;
}

export interface AllocationInput {
  period: string;
  fund?: string | undefined;
  recipients: RecipientInput[];
  /** Agreement-level inputs (bilateral, pool): concentrations, volumes, standards. */
  values?: Record<string, string> | undefined;
  /** Negotiated parameters, each within its declared range. */
  parameters?: Record<string, string> | undefined;
  /** What each extra fund a floor is topped up from holds, by its name in the rule file. */
  sources?: Record<string, string> | undefined;
}

export class AllocationError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RecipientResult {
  id: string;
  name: string | null;
  inputs: Record<string, string>;
  shares: Record<string, string>;
  weights: Record<string, string>;
  components: Array<{ name: string; before: string; after: string; note?: string }>;
  constrained: 'floor' | 'cap' | null;
  exact: string;
  amount: string;
  /** Where a floor is topped up from an extra fund: what each source paid this recipient. */
  sources?: Record<string, string>;
}

/** One component of an agreement, with who pays whom. */
export interface AgreementComponent {
  name: string;
  title: string | null;
  payer: string;
  payee: string;
  /** What the payer pays the payee, at the rounding unit (never negative: a signed one is turned round). */
  amount: string;
  /** Before its cap. */
  before: string;
  /** False where its condition does not hold (then 0.00). */
  applies: boolean;
  note: string;
  direction: 'by-index' | 'stated';
}

export interface AllocationResult {
  scheme: AllocationBody['scheme'];
  period: string;
  fund: string | null;
  total: string;
  parameters: Record<string, string>;
  rounding: { unit: string; text: string; method: 'largest-remainder'; tieBreak: string };
  recipients: RecipientResult[];
  index?: { value: string; formula: string; direction: string; threshold: string; comparison: 'below' | 'at' | 'above' };
  /** The agreement's derived lines, each with its value in its own unit. */
  derived?: Array<{ name: string; value: string; unit: string; formula: string }>;
  /** An agreement's components, each with its direction. */
  components?: AgreementComponent[];
  parties?: Array<{ id: string; title: string | null; kind: string | null }>;
  /** What changes hands: for an agreement, the net between each pair of parties. */
  flows?: Array<{ payer: string; payee: string; amount: string }>;
  net?: Array<{ party: string; contributes: string; receives: string; net: string }>;
  /** Where money came from, when more than the fund pays (a floor topped up from an extra fund). */
  sources?: Array<{ source: string; title: string; available: string; paid: string }>;
  /** A pool whose size is a formula. */
  poolFund?: { formula: string; value: string };
  ruleSet: RuleSetRef;
  /** The district's records the inputs were read from (filled in by the service, not by the rules). */
  reads?: RecordRead[];
}

/** One value a run took from the district's records, with the version of the record it came from. */
export interface RecordRead {
  recipient: string;
  input: string;
  value: string;
  /** What was read, in words. */
  from: string;
  /** The record's version: an account's revision and method, a unit's last change, a scorecard's hash. */
  record: Record<string, string | number | null>;
}

/** The fund a scheme divides: given, positive, and a whole number of rounding units. */
export function requireFund(input: AllocationInput, step: Dec, stepText: string): Dec {
  if (input.fund === undefined) throw new AllocationError('/fund', 'this scheme divides a fund: give the fund');
  const fund = new D(input.fund);
  if (!fund.gt(0)) throw new AllocationError('/fund', `the fund must be more than zero, not ${input.fund}`);
  if (!fund.mul(100).isInteger()) throw new AllocationError('/fund', 'the fund is in yuan to the fen (at most two decimals)');
  if (!fund.div(step).isInteger())
    throw new AllocationError('/fund', `the fund ${fund.toFixed(2)} is not a whole number of ${stepText}, the unit amounts are rounded to`);
  return fund;
}
