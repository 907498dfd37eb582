/**
 * Unified Social Credit Codes (GB 32100-2015): 18 characters from an alphabet of 31 (no I, O, S, V, Z).
 * Positions 3-8 are the administrative division code, the 18th is the check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccResult = { ok: true; normalized: string; regionCode: string } | { ok: false; reason: string };

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check] ?? '';
}

export function parseUscc(raw: string): UsccResult {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'must be 18 characters' };
  for (const ch of value) {
    if (!ALPHABET.includes(ch)) return { ok: false, reason: `character '${ch}' is not allowed (I, O, S, V and Z never appear)` };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: 'positions 3-8 must be an administrative division code' };
  if (value[17] !== usccCheckChar(value.slice(0, 17))) return { ok: false, reason: 'check character does not match' };
  return { ok: true, normalized: value, regionCode: value.slice(2, 8) };
}
