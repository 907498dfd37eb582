import { sha256Hex } from '../platform/util/crypto.js';

/**
 * Canonical JSON: object keys sorted at every level, no insignificant whitespace (the JCS idea of
 * RFC 8785, enough for the values a rule file can hold: strings, finite numbers, booleans, null,
 * arrays and objects). Two rule files that differ only in key order, comments or layout share it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** `sha256:<hex>` of the canonical form. */
export async function contentHash(value: unknown): Promise<string> {
  return `sha256:${await sha256Hex(canonicalJson(value))}`;
}
