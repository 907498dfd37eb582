/**
 * A GEP account as the API answers it: the computed account with its state, revision, method and
 * measurements. A file of its own so that the schemas and the service both name it without importing
 * each other.
 */
import type { GepAccount } from '../rules/kinds/gep-method/account.js';

export interface AccountView extends GepAccount {
  status: 'open' | 'closed';
  /** The closed revision (1, 2, …); null while open. */
  revision: number | null;
  closedAt: string | null;
  closedBy: string | null;
  note: string | null;
  /** The method version the account is computed with. */
  methodVersionId: string;
  /** When the method version was pinned to this open account (first read, pledge or report). */
  pinnedAt: string | null;
  /** Every measurement the account used, as recorded. */
  measurements: Array<{ name: string; value: string; unit: string; source: string; recordedAt: string }>;
  /** For a unit that adds up its children: each child's total and state. */
  children: Array<{ code: string; name: string; total: string; status: 'open' | 'closed'; revision: number | null }> | null;
  figures: { population: string | null; gdp: string | null; areaKm2: string };
  /** Results per person, per km² and per yuan of GDP, where the figures are recorded. */
  indicators: { perPerson: string | null; perKm2: string; gepToGdp: string | null };
  /** The three values of an ecosystem: the year's flow, the change from the year before, the capitalised asset. */
  values: {
    annual: string;
    increment: string | null;
    asset: string | null;
    previousYear: { year: number; total: string; status: 'open' | 'closed' } | null;
    assetBasis: string | null;
  };
}
