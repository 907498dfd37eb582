/**
 * How often a subject's data was queried, as the central bank's credit report shows it: counts over
 * the last 1, 3, 6 and 12 months, by purpose and by kind of institution, never naming an institution.
 * Pure: the caller reads the log lines.
 */
import { chinaDate } from '../platform/clock.js';
import { addDays, addMonths } from '../platform/dates.js';
import { PURPOSES, type Purpose } from '../rules/kinds/district-policy/body.js';

export const HISTORY_MONTHS = [1, 3, 6, 12] as const;

/** Banks query for a purpose; agencies (the bureau, recording agencies) and auditors read for their duties. */
export type Institution = 'bank' | 'agency' | 'auditor';
export type QueryPurpose = Purpose | 'official-duties';

export interface QueryWindow {
  months: (typeof HISTORY_MONTHS)[number];
  /** The first China date the window counts (the window ends today, today included). */
  from: string;
  total: number;
  byPurpose: Record<QueryPurpose, number>;
  byInstitution: Record<Institution, number>;
}

export interface QueryHistory {
  asOf: string;
  windows: QueryWindow[];
}

export interface LoggedQuery {
  at: string;
  actorRole: string;
  purpose: string;
}

const institutionOf = (role: string): Institution | null =>
  role === 'bank' ? 'bank' : role === 'auditor' ? 'auditor' : role === 'bureau' || role === 'recorder' ? 'agency' : null;

export function queryHistory(lines: readonly LoggedQuery[], now: Date): QueryHistory {
  const today = chinaDate(now);
  const nowIso = now.toISOString();
  const windows = HISTORY_MONTHS.map((months): QueryWindow => {
    // A one-month window on 2026-11-24 counts 2026-10-25 to 2026-11-24.
    const from = addDays(addMonths(today, -months), 1);
    const byPurpose = Object.fromEntries([...PURPOSES, 'official-duties'].map((p) => [p, 0])) as Record<QueryPurpose, number>;
    const byInstitution: Record<Institution, number> = { bank: 0, agency: 0, auditor: 0 };
    let total = 0;
    for (const line of lines) {
      const institution = institutionOf(line.actorRole);
      const day = chinaDate(new Date(line.at));
      if (!institution || day < from || line.at > nowIso) continue;
      const purpose: QueryPurpose =
        institution === 'bank' && (PURPOSES as readonly string[]).includes(line.purpose) ? (line.purpose as Purpose) : 'official-duties';
      total++;
      byPurpose[purpose]++;
      byInstitution[institution]++;
    }
    return { months, from, total, byPurpose, byInstitution };
  });
  return { asOf: nowIso, windows };
}
