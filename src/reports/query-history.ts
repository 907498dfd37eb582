/**
 * How often a subject's data was queried, as the central bank's credit report shows it: counts over
 * the last 1, 3, 6 and 12 months, by purpose and by kind of institution, never naming an institution.
 * Pure: the caller counts the log lines, in SQL, by actor role, purpose and window.
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

/** Log lines counted in SQL: how many a kind of actor wrote for a purpose, in the narrowest window that holds them. */
export interface CountedQueries {
  actorRole: string;
  purpose: string;
  /** The narrowest window (1, 3, 6 or 12 months) the lines fall in. */
  months: number;
  count: number;
}

const institutionOf = (role: string): Institution | null =>
  role === 'bank' ? 'bank' : role === 'auditor' ? 'auditor' : role === 'bureau' || role === 'recorder' ? 'agency' : null;

/** The first China date each window counts: a one-month window on 2026-11-24 counts 2026-10-25 to 2026-11-24. */
export const windowStarts = (now: Date) => {
  const today = chinaDate(now);
  return HISTORY_MONTHS.map((months) => ({ months, from: addDays(addMonths(today, -months), 1) }));
};

/** The instant a China date begins (UTC+8, no daylight saving), in the log's own ISO form: lines at or after it fall on or after that date. */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

export function queryHistory(counted: readonly CountedQueries[], now: Date): QueryHistory {
  const windows = windowStarts(now).map(({ months, from }): QueryWindow => {
    const byPurpose = Object.fromEntries([...PURPOSES, 'official-duties'].map((p) => [p, 0])) as Record<QueryPurpose, number>;
    const byInstitution: Record<Institution, number> = { bank: 0, agency: 0, auditor: 0 };
    let total = 0;
    for (const c of counted) {
      const institution = institutionOf(c.actorRole);
      if (!institution || c.months > months) continue;
      const purpose: QueryPurpose =
        institution === 'bank' && (PURPOSES as readonly string[]).includes(c.purpose) ? (c.purpose as Purpose) : 'official-duties';
      total += c.count;
      byPurpose[purpose] += c.count;
      byInstitution[institution] += c.count;
    }
    return { months, from, total, byPurpose, byInstitution };
  });
  return { asOf: now.toISOString(), windows };
}
