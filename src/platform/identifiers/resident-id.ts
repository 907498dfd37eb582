/**
 * Resident ID numbers (GB 11643-1999): 17 digits and a check character.
 * Positions 1-6 are the region, 7-14 the birth date (YYYYMMDD), 18 the check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1800;

export type ResidentIdResult = { ok: true; normalized: string; regionCode: string; birthDate: string } | { ok: false; reason: string };

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Validates a resident ID number; `today` (YYYY-MM-DD, China time) bounds the birth date. */
export function parseResidentId(raw: string, today: string): ResidentIdResult {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'must be 17 digits followed by a digit or X' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  // The oldest holders of an ID number were born in the nineteenth century; nobody alive was born before 1800.
  if (year < EARLIEST_BIRTH_YEAR) return { ok: false, reason: `birth year ${year} is before ${EARLIEST_BIRTH_YEAR}` };
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return { ok: false, reason: `birth date ${value.slice(6, 14)} does not exist` };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, reason: `birth date ${birthDate} is in the future` };
  const expected = residentIdCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, reason: 'check character does not match' };
  return { ok: true, normalized: value, regionCode: value.slice(0, 6), birthDate };
}

/** What may be shown: region and last four, e.g. 310230********123X. */
export function maskResidentId(normalized: string): string {
  return `${normalized.slice(0, 6)}********${normalized.slice(14)}`;
}
