/**
 * The query log as a duty of the read services: every operation of /openapi.json that answers with a
 * subject's data writes exactly one line in that subject's query log when anyone but the subject reads,
 * and none when the subject reads its own. The set of operations is taken from the document itself
 * (every GET with a {subjectId} in its path), plus the reads that name their subject some other way,
 * listed here with the reason; an operation left out of both lists fails the walk.
 */
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { count } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { queryLog } from '../src/platform/db/schema.js';
import type { ClientRole } from '../src/platform/http/principal.js';
import { createWorld, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';
const UNIT = 'dongtan-plot-07';
const YEAR = 2025;

/** Reads of one subject's data whose path has no {subjectId}: the subject is in the body or behind a unit. */
const NAMED_OTHERWISE: Record<string, string> = {
  lookupSubject: 'finds a subject by its USCC or ID number, in the body',
  getGepAccount: 'an owned unit’s account is its owner’s data; the unit names the owner',
  listGepAccountRevisions: 'the same account’s closed revisions, with their totals',
  issueCreditReport: 'a signed report on the subject named in the body, logged with the report itself',
  assessGepLoan: 'an assessment of the borrower named in the body, logged with the assessment itself',
  verifyCredentialPresentation: 'what a subject showed a bank, checked against the district: the credential names the subject',
};

/**
 * Operations that carry subjects' data but are not a read of one subject's file, and why they write no
 * line. Listed so that the walk below can tell a deliberate exception from a forgotten read.
 */
const NOT_LOGGED: Record<string, string> = {
  getOwnSubject: 'only the subject itself, with its own token',
  issueOwnCredential: 'only the subject itself: its own credential',
  listSubjects: 'the district’s register, page by page; no one subject’s file',
  listObjections: 'the bureau’s work list of objections to answer (and a subject’s own objections)',
  listCreditLists: 'the red and black lists, which the district publishes',
  listConsents: 'the consents a bank holds or a subject gave: the record of the permission, shared by both',
  listQueryLog: 'the log itself: reading who read is not a read of the file',
  verifyCreditReport: 'the caller already holds the signed report; the check reads the district’s keys and status list',
  listAllocations: 'allocations the bureau made; each records the grades it read',
  getAllocation: 'the same, one allocation',
  setPointsSourceConsent: 'a write by the holder itself',
};

interface Setting {
  w: World;
  firm: string;
  bankId: string;
  token: string;
}

type Caller = ClientRole;

interface Case {
  /** Who, other than the subject, may make this read. */
  others: Caller[];
  /** Whether the subject may make it with its own token. */
  subjectToo: boolean;
  /** The path parameters besides the district, and the body, for one read. */
  params?: Record<string, string>;
  body?: (s: Setting) => Promise<unknown> | unknown;
}

const CASES: Record<string, Case> = {
  getSubject: { others: ['bureau', 'recorder', 'auditor'], subjectToo: true },
  lookupSubject: { others: ['bureau', 'recorder', 'auditor'], subjectToo: false, body: () => ({ kind: 'firm', uscc: IDS.firmB }) },
  listCreditEvents: { others: ['bureau', 'recorder', 'auditor'], subjectToo: true },
  getCreditScore: { others: ['bureau', 'recorder', 'auditor'], subjectToo: true },
  getPointsAccount: { others: ['bureau', 'auditor'], subjectToo: true },
  getPointsBalance: { others: ['bureau', 'auditor'], subjectToo: true },
  listPointsLedger: { others: ['bureau', 'auditor'], subjectToo: true },
  listPointsSources: { others: ['bureau', 'auditor'], subjectToo: true },
  getGepAccount: { others: ['bureau', 'recorder', 'auditor'], subjectToo: true },
  listGepAccountRevisions: { others: ['bureau', 'recorder', 'auditor'], subjectToo: true },
  issueCreditReport: {
    others: ['bank'],
    subjectToo: false,
    body: (s) => ({ subjectId: s.firm, purpose: 'loan-application', scopes: ['credit', 'gep-assets'] }),
  },
  assessGepLoan: {
    others: ['bank'],
    subjectToo: false,
    body: (s) => ({
      subjectId: s.firm,
      productId: 'gep-eco-loan',
      pledges: [{ type: 'gep', unitCode: UNIT }],
      requestedAmount: '400000.00',
      termMonths: 36,
      guarantee: 'guaranteed',
      ecoPledgeSigned: true,
    }),
  },
  verifyCredentialPresentation: { others: ['bank'], subjectToo: false, body: (s) => presentation(s) },
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
}

async function operationsOf(w: World): Promise<Operation[]> {
  const doc = (await w.call('GET', '/openapi.json')).json as { paths: Record<string, Record<string, { operationId: string }>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path })),
  );
}

/** A firm with a file, points, an owned and measured plot, and a consent to the district's bank. */
async function setting(): Promise<Setting> {
  const w = await createWorld();
  const firm = await w.register('chongming', 'firm', IDS.firmB);
  const token = await w.token('firm', IDS.firmB);
  const bankId = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0].id as string;
  const consent = await w.call('POST', `${D}/consents`, {
    as: token,
    body: { bankClientId: bankId, purpose: 'loan-application', scopes: ['credit', 'gep-assets'] },
  });
  expect(consent.status, consent.text).toBe(201);
  const recorded = await w.call('POST', `${D}/credit-events`, {
    as: w.keys.chongming.recorder,
    body: {
      events: [
        {
          subject: { id: firm },
          code: 'ENV-PENALTY',
          occurredOn: '2026-02-01',
          evidence: '处罚决定书',
          amounts: [{ name: 'fine_yuan', value: '10000', unit: 'yuan' }],
        },
      ],
    },
  });
  expect(recorded.status, recorded.text).toBe(201);
  const unit = await w.call('PUT', `${D}/gep-units/${UNIT}`, {
    as: w.keys.chongming.bureau,
    body: { name: '东滩湿地7号地块', level: 'plot', owner: { id: firm }, areaHa: '420.5', ecosystemTypes: ['wetland'] },
  });
  expect(unit.status, unit.text).toBe(201);
  const measured = await w.call('POST', `${D}/gep-units/${UNIT}/measurements`, {
    as: w.keys.chongming.recorder,
    body: { year: YEAR, measurements: [{ indicator: 'recreation', value: '12500', unit: 'visit', source: '2025年度生态监测' }] },
  });
  expect(measured.status, measured.text).toBe(201);
  return { w, firm, bankId, token };
}

const enc = new TextEncoder();
const sha256 = async (data: string | ArrayBuffer) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? enc.encode(data) : data));

/** The firm's own credential, presented to the bank as a wallet would, with @sd-jwt/sd-jwt-vc. */
async function presentation(s: Setting) {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const issued = await s.w.call('POST', `${D}/me/credentials`, { as: s.token, body: { holderKey: await exportJWK(publicKey) } });
  expect(issued.status, issued.text).toBe(201);
  const key = await importJWK(await exportJWK(privateKey), 'EdDSA');
  const wallet = new SDJwtVcInstance({
    hasher: sha256,
    kbSignAlg: 'EdDSA',
    kbSigner: async (data) =>
      // jose's KeyLike is the WebCrypto key WebCrypto signs with; its type does not say so.
      Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, key as Parameters<typeof crypto.subtle.sign>[1], enc.encode(data))).toString(
        'base64url',
      ),
  });
  const nonce = 'n-query-log-duty';
  const iat = Math.floor(s.w.clock.now().getTime() / 1000);
  const shown = await wallet.present(issued.json.credential as string, { score: true }, { kb: { payload: { aud: s.bankId, nonce, iat } } });
  return { presentation: shown, nonce };
}

const logRows = async (w: World) => {
  const [row] = await w.storage.db.select({ n: count() }).from(queryLog);
  return row?.n ?? 0;
};

async function read(s: Setting, op: Operation, c: Case, as: string) {
  const path = op.path
    .replace('{districtId}', 'chongming')
    .replace('{subjectId}', s.firm)
    .replace('{unitCode}', UNIT)
    .replace('{year}', String(YEAR));
  expect(path, `${op.operationId}: a path parameter the walk does not fill`).not.toMatch(/\{/);
  return s.w.call(op.method, path, { as, ...(c.body ? { body: await c.body(s) } : {}) });
}

describe('every read of a subject’s data by anyone but the subject is in its query log', () => {
  it('the walk covers every read the OpenAPI document has, and every exception is a real operation', async () => {
    const ops = await operationsOf(await createWorld());
    const ids = new Set(ops.map((o) => o.operationId));
    const withSubjectInPath = ops.filter((o) => o.method === 'GET' && o.path.includes('{subjectId}')).map((o) => o.operationId);
    expect(withSubjectInPath.length).toBeGreaterThanOrEqual(7);
    const reads = [...new Set([...withSubjectInPath, ...Object.keys(NAMED_OTHERWISE)])].sort();
    expect(Object.keys(CASES).sort()).toEqual(reads);
    for (const id of [...Object.keys(NAMED_OTHERWISE), ...Object.keys(NOT_LOGGED)]) expect(ids, id).toContain(id);
    for (const id of Object.keys(NOT_LOGGED)) expect(reads, `${id} is both a read and an exception`).not.toContain(id);
  });

  for (const [operationId, c] of Object.entries(CASES)) {
    it(`${operationId}: one line for each read by ${c.others.join(', ')}${c.subjectToo ? '; none for the subject’s own' : ''}`, async () => {
      const s = await setting();
      const op = (await operationsOf(s.w)).find((o) => o.operationId === operationId);
      if (!op) throw new Error(`${operationId} is not in the OpenAPI document`);
      for (const role of c.others) {
        const before = await logRows(s.w);
        const res = await read(s, op, c, s.w.keys.chongming[role]);
        expect(res.status, `${operationId} as ${role}: ${res.text}`).toBeLessThan(300);
        expect(await logRows(s.w), `${operationId} as ${role}`).toBe(before + 1);
        const [line] = await s.w.storage.db.select().from(queryLog).orderBy(queryLog.seq).limit(1).offset(before);
        expect(line).toMatchObject({ subjectId: s.firm, action: operationId, actorRole: role, actor: s.w.clientIds.chongming[role] });
      }
      if (c.subjectToo) {
        const before = await logRows(s.w);
        const own = await read(s, op, c, s.token);
        expect(own.status, `${operationId} by the subject: ${own.text}`).toBeLessThan(300);
        expect(await logRows(s.w), `${operationId} by the subject`).toBe(before);
      }
      // The subject sees each line in its own log.
      const seen = await s.w.call('GET', `${D}/query-log?limit=100`, { as: s.token });
      expect(seen.json.items.filter((e: { action: string }) => e.action === operationId)).toHaveLength(c.others.length);
    });
  }

  it('a read that fails writes no line: an unknown subject, a subject of another district, a forbidden caller', async () => {
    const s = await setting();
    const before = await logRows(s.w);
    expect((await s.w.call('GET', `${D}/subjects/sub_nobody/credit-score`, { as: s.w.keys.chongming.auditor })).status).toBe(404);
    expect((await s.w.call('GET', `/v1/districts/lishui/subjects/${s.firm}/points`, { as: s.w.keys.lishui.auditor })).status).toBe(404);
    expect((await s.w.call('GET', `${D}/subjects/${s.firm}/points`, { as: s.w.keys.chongming.bank })).status).toBe(403);
    const other = await s.w.token('firm', IDS.firmA);
    await s.w.register('chongming', 'firm', IDS.firmA);
    expect((await s.w.call('GET', `${D}/subjects/${s.firm}/credit-events`, { as: other })).status).toBe(403);
    expect(await logRows(s.w)).toBe(before);
  });
});
