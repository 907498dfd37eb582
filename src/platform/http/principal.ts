export type ClientRole = 'bureau' | 'recorder' | 'bank' | 'auditor';
export const CLIENT_ROLES: readonly ClientRole[] = ['bureau', 'recorder', 'bank', 'auditor'];

/** Who is calling: an API client of one district, or a subject speaking for itself with a token. */
export type Principal =
  | { type: 'client'; clientId: string; districtId: string; role: ClientRole; agency: string | null; name: string }
  | { type: 'subject'; subjectKind: 'firm' | 'resident'; lookupHash: string; issuer: string };

export type Actor = ClientRole | 'subject';

export function actorOf(p: Principal): Actor {
  return p.type === 'client' ? p.role : 'subject';
}

/** A stable string for audit columns and idempotency scoping. */
export function principalRef(p: Principal): string {
  return p.type === 'client' ? p.clientId : `subject:${p.lookupHash}`;
}
