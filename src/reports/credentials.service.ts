/**
 * A subject downloads its own eco-credit credential: an SD-JWT VC signed with the district's key,
 * bound to a key the subject holds (`cnf`), every claim group selectively disclosable (and each item
 * of `items` on its own), with a status entry in the district's status list. The subject then shows a
 * bank only what the bank's purpose needs (see presentation.ts).
 */
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { DisclosureFrame } from '@sd-jwt/types';
import { eq, sql } from 'drizzle-orm';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { ownSubject } from '../identity/subjects.service.js';
import type { ServiceContext } from '../platform/context.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { credentials, signingKeys } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { sha256Hex } from '../platform/util/crypto.js';
import { newId } from '../platform/util/ids.js';
import { districtPolicy } from '../rules/district-policy.service.js';
import { CLAIM_GROUPS, type ClaimGroup } from '../rules/kinds/district-policy/body.js';
import { distinctRuleSets, gatherClaims } from './claims.js';
import { CREDENTIAL_TYPE, CREDENTIAL_VCT } from './presentation.js';
import { ed25519Signer, holderAlgorithm, saltGenerator, sha256Hasher } from './sd-jwt-crypto.js';
import { activeKey } from './signing-keys.service.js';
import { allocateSlot, isSlotTaken, statusEntryStatements, statusListUri } from './status-list.service.js';

export interface IssuedCredential {
  credentialId: string;
  credential: string;
  kid: string;
  issuer: string;
  issuedAt: string;
  expiresAt: string;
  claims: ClaimGroup[];
  status: { idx: number; uri: string };
}

/** The public half of the holder's key: Ed25519 or P-256, never a private key. */
function holderKeyOf(jwk: JWK): JWK {
  if ('d' in jwk) throw fail.field('/holderKey', 'this is a private key: send only its public half; the private key never leaves your device');
  const alg = holderAlgorithm(jwk);
  if (!alg) throw fail.field('/holderKey', 'the holder key must be an Ed25519 (kty OKP) or P-256 (kty EC) public key');
  const { kty, crv, x, y } = jwk;
  return { kty, crv, x, ...(y ? { y } : {}), alg };
}

export async function issueOwnCredential(ctx: ServiceContext, input: { holderKey: JWK }, issuer: string): Promise<IssuedCredential> {
  const subject = await ownSubject(ctx);
  const committed = committedOutcome<IssuedCredential>(ctx);
  if (committed) return committed;
  const holderKey = holderKeyOf(input.holderKey);
  const thumbprint = await calculateJwkThumbprint(holderKey).catch(() => {
    throw fail.field('/holderKey', 'the holder key is not a valid public key');
  });
  const policy = await districtPolicy(ctx, ctx.now);
  // The holder chooses what to show; the credential holds every group, minimum necessary applies per presentation.
  const groups: ClaimGroup[] = [...CLAIM_GROUPS];
  const gathered = await gatherClaims(ctx, subject, groups, { marksInItems: false });
  const ruleSets = distinctRuleSets([...gathered.ruleSets, policy.ruleSet]);
  const key = await activeKey(ctx);
  const issuedAt = ctx.now;
  const expiresAt = new Date(issuedAt.getTime() + policy.credentialValidDays * 86_400_000);
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  const present = groups.filter((g) => gathered.values[g] !== undefined);
  const items = gathered.values.items as unknown[] | undefined;
  const privateKey = await ctx.deps.signingKeys.privateKey(key.kid);
  // An Ed25519 key imports as a CryptoKey; only symmetric keys import as bytes.
  if (privateKey instanceof Uint8Array) throw new Error(`signing key ${key.kid} is not an Ed25519 key`);
  const signer = ed25519Signer(privateKey);

  for (let attempt = 1; ; attempt++) {
    const slot = await allocateSlot(ctx);
    const credentialId = newId('crd', ctx.now);
    const status = { idx: slot.idx, uri: statusListUri(issuer, slot.listId) };
    const payload = {
      iss: issuer,
      sub: `urn:eco-credit:subject:${subject.id}`,
      iat: seconds(issuedAt),
      nbf: seconds(issuedAt),
      exp: seconds(expiresAt),
      jti: credentialId,
      vct: CREDENTIAL_VCT,
      cnf: { jwk: holderKey },
      status: { status_list: status },
      district: ctx.districtId,
      subject_kind: subject.kind,
      // Minimum necessary even here: a firm by its public code and name, a resident by the masked number only.
      display_id: subject.displayId,
      ...(subject.kind === 'firm' && subject.name ? { name: subject.name } : {}),
      rule_sets: ruleSets,
      ...gathered.values,
    };
    const frame = {
      _sd: present,
      ...(items && items.length > 0 ? { items: { _sd: items.map((_, i) => i) } } : {}),
    } as unknown as DisclosureFrame<typeof payload>;
    const sdjwt = new SDJwtVcInstance({ hasher: sha256Hasher, hashAlg: 'sha-256', saltGenerator, signer, signAlg: 'EdDSA' });
    const credential = await sdjwt.issue(payload, frame, { header: { kid: key.kid, typ: CREDENTIAL_TYPE } });
    const issued: IssuedCredential = {
      credentialId,
      credential,
      kid: key.kid,
      issuer,
      issuedAt: issuedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      claims: present,
      status,
    };
    const { db } = ctx.deps.storage;
    try {
      // The credential, its status entry with the events it carried, and the key's publication horizon: together or not at all.
      await commit(
        ctx,
        [
          db
            .insert(credentials)
            .values({
              id: credentialId,
              districtId: ctx.districtId,
              subjectId: subject.id,
              holderKeyThumbprint: thumbprint,
              kid: key.kid,
              claims: present,
              issuedAt: issued.issuedAt,
              expiresAt: issued.expiresAt,
              sdJwtHash: await sha256Hex(credential),
            })
            .returning({ id: credentials.id }),
          ...statusEntryStatements(
            ctx,
            { id: credentialId, slot, kind: 'credential', subjectId: subject.id, consentId: null, issuedAt, expiresAt },
            gathered.events,
          ),
          db
            .update(signingKeys)
            .set({ lastReportExpiresAt: sql`MAX(COALESCE(${signingKeys.lastReportExpiresAt}, ''), ${issued.expiresAt})` })
            .where(eq(signingKeys.kid, key.kid))
            .returning({ kid: signingKeys.kid }),
        ],
        issued,
      );
      return issued;
    } catch (error) {
      // Another token took the same random slot a moment ago: take another one.
      if (isSlotTaken(error) && attempt < 5) continue;
      throw error;
    }
  }
}
