import type { ClientRole, SubjectKind } from '../vocabulary.js';

export { CLIENT_ROLES, type ClientRole } from '../vocabulary.js';

/** Who is calling: an API client of one district, or a subject speaking for itself with a token. */
export type Principal =
  | { type: 'client'; clientId: string; districtId: string; role: ClientRole; agency: string | null; name: string }
  | { type: 'subject'; subjectKind: SubjectKind; lookupHash: string; issuer: string };

export type Actor = ClientRole | 'subject';

export function actorOf(p: Principal): Actor {
  return p.type === 'client' ? p.role : 'subject';
}

/** A stable string for audit columns and idempotency scoping. */
export function principalRef(p: Principal): string {
  return p.type === 'client' ? p.clientId : `subject:${p.lookupHash}`;
}
