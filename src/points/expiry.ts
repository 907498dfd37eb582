/**
 * Which lots of points have expired and how much of each is left to expire, oldest first. Pure.
 *
 * Redemptions are spent from the lots that expire soonest (FIFO by expiry date, then by order of
 * earning); a reversal takes its own lot; what remains of a lot after its last valid day expires.
 */
import type { LedgerKind } from '../platform/vocabulary.js';
export interface LedgerEntryLike {
  id: string;
  seq: number;
  kind: LedgerKind;
  points: number;
  actionCode: string | null;
  earnedOn: string;
  availableOn: string;
  expiresOn: string | null;
  lotId: string | null;
}

export interface LotState {
  lotId: string;
  actionCode: string | null;
  earnedOn: string;
  availableOn: string;
  expiresOn: string;
  points: number;
  /** Not yet spent, reversed or expired. */
  remaining: number;
  expired: boolean;
}

export function lotStates(entries: readonly LedgerEntryLike[]): LotState[] {
  const reversed = new Map<string, number>();
  const expired = new Map<string, number>();
  let redeemed = 0;
  for (const e of entries) {
    if (e.kind === 'reverse' && e.lotId) reversed.set(e.lotId, (reversed.get(e.lotId) ?? 0) - e.points);
    else if (e.kind === 'expire' && e.lotId) expired.set(e.lotId, (expired.get(e.lotId) ?? 0) - e.points);
    else if (e.kind === 'redeem') redeemed -= e.points;
  }
  const lots = entries
    .filter((e) => e.kind === 'earn')
    .sort((a, b) => ((a.expiresOn ?? '') < (b.expiresOn ?? '') ? -1 : (a.expiresOn ?? '') > (b.expiresOn ?? '') ? 1 : a.seq - b.seq));
  return lots.map((lot) => {
    const alreadyExpired = expired.get(lot.id);
    const usable = lot.points - (reversed.get(lot.id) ?? 0) - (alreadyExpired ?? 0);
    const spent = Math.min(Math.max(usable, 0), redeemed);
    redeemed -= spent;
    return {
      lotId: lot.id,
      actionCode: lot.actionCode,
      earnedOn: lot.earnedOn,
      availableOn: lot.availableOn,
      expiresOn: lot.expiresOn ?? '9999-12-31',
      points: lot.points,
      remaining: Math.max(usable - spent, 0),
      expired: alreadyExpired !== undefined,
    };
  });
}

/** Lots past their last valid day with points left and no expire entry yet. */
export function expiriesDue(entries: readonly LedgerEntryLike[], today: string): LotState[] {
  return lotStates(entries).filter((l) => !l.expired && l.expiresOn < today && l.remaining > 0);
}
