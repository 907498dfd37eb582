/**
 * API clients: a bureau, a recording agency, a bank or an auditor of one district. The key is random,
 * shown once, and stored only as an HMAC under the deployment's pepper.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { apiClients } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import { fail } from '../platform/errors.js';
import { formatApiKey } from '../platform/http/auth.js';
import { CLIENT_ROLES, type ClientRole } from '../platform/http/principal.js';
import { hmacSha256, randomBytes } from '../platform/util/crypto.js';
import { toHex } from '../platform/util/encoding.js';
import { newId } from '../platform/util/ids.js';

export type ClientRow = typeof apiClients.$inferSelect;

export interface NewClient {
  districtId: string;
  name: string;
  role: ClientRole;
  /** Required for recorders: the agency whose codes the client may record. */
  agency?: string | undefined;
}

export async function createClient(deps: AppDeps, input: NewClient): Promise<{ client: ClientRow; apiKey: string }> {
  if (!CLIENT_ROLES.includes(input.role))
    throw fail.invalid(`role must be one of ${CLIENT_ROLES.join(', ')}`, [{ pointer: '/role', in: 'body', detail: 'unknown role' }]);
  if (input.role === 'recorder' && !input.agency) {
    throw fail.invalid('a recorder acts for an agency; name it', [{ pointer: '/agency', in: 'body', detail: 'required for recorders' }]);
  }
  const now = deps.clock.now();
  const id = newId('cli', now);
  const secretHex = toHex(randomBytes(32));
  const [client] = await deps.storage.db
    .insert(apiClients)
    .values({
      id,
      districtId: input.districtId,
      name: input.name,
      role: input.role,
      agency: input.agency ?? null,
      secretHash: await hmacSha256(deps.secrets.apiKeyPepper, secretHex),
      createdAt: now.toISOString(),
    })
    .returning();
  if (!client) throw new Error('client insert returned nothing');
  return { client, apiKey: formatApiKey(id, secretHex) };
}

export async function revokeClient(deps: AppDeps, clientId: string): Promise<ClientRow> {
  const [row] = await deps.storage.db
    .update(apiClients)
    .set({ revokedAt: deps.clock.now().toISOString() })
    .where(and(eq(apiClients.id, clientId), isNull(apiClients.revokedAt)))
    .returning();
  if (!row) throw fail.notFound(`no active client '${clientId}'`);
  return row;
}

export async function listClients(deps: AppDeps, districtId: string): Promise<ClientRow[]> {
  return deps.storage.db.select().from(apiClients).where(eq(apiClients.districtId, districtId));
}
