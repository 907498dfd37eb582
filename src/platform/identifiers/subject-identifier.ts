import { hmacSha256 } from '../util/crypto.js';
import type { SubjectKind } from '../vocabulary.js';
import { maskResidentId, parseResidentId } from './resident-id.js';
import { parseUscc } from './uscc.js';

export type { SubjectKind } from '../vocabulary.js';

export type SubjectIdentifier =
  | { ok: true; kind: SubjectKind; lookupHash: string; displayId: string; regionCode: string }
  | { ok: false; reason: string };

/**
 * Validates a firm's USCC or a resident's ID number and derives what we keep: a keyed hash for look-up
 * and a display form. The resident's number itself goes no further than this function.
 */
export async function subjectIdentifier(kind: SubjectKind, raw: string, today: string, hmacKey: Uint8Array): Promise<SubjectIdentifier> {
  const parsed = kind === 'firm' ? parseUscc(raw) : parseResidentId(raw, today);
  if (!parsed.ok) return parsed;
  const lookupHash = await hmacSha256(hmacKey, `${kind}:${parsed.normalized}`);
  const displayId = kind === 'firm' ? parsed.normalized : maskResidentId(parsed.normalized);
  return { ok: true, kind, lookupHash, displayId, regionCode: parsed.regionCode };
}
