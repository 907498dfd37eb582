import { createRoute, z } from '@hono/zod-openapi';
import { SubjectSchema, toSubject } from '../identity/schemas.js';
import { chinaDate } from '../platform/clock.js';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses, SubjectParam } from '../platform/http/openapi.js';
import { pageOf, pageQuery } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { HOLDER_KINDS, LEDGER_KINDS } from '../platform/vocabulary.js';
import { IsoDate } from '../rules/kinds/common.js';
import { RuleSetRefSchema } from '../rules/schemas.js';
import { award, reverseAward } from './award.service.js';
import { awardBatch, MAX_AWARD_BATCH } from './award-batch.service.js';
import { type BenefitRow, createBenefit, listBenefits } from './benefits.service.js';
import { cataloguesAsWritten } from './catalogues.service.js';
import { account, type LedgerRow, ledgerPage, pointsBalance } from './ledger.service.js';
import { redeem } from './redeem.service.js';
import { AwardLine, AwardPointsBody, NewBenefitSchema } from './schemas.js';
import { setSourceConsent, sourceStates } from './sources.service.js';
import { statistics } from './statistics.service.js';

const LedgerEntry = z
  .object({
    id: z.string(),
    kind: z.enum(LEDGER_KINDS),
    points: z.number().int().describe('Positive when earned, negative when spent, expired or reversed'),
    actionCode: z.string().nullable(),
    source: z.string().nullable(),
    earnedOn: z.string(),
    availableOn: z.string().describe('From this day the points can be spent'),
    expiresOn: z.string().nullable().describe('The last day the points can be spent'),
    reason: z.string(),
    evidence: z.string().nullable(),
    lotId: z.string().nullable().describe('For expire and reverse entries: the award they act on'),
    redemptionId: z.string().nullable(),
    recordedAt: z.string(),
    ruleSet: RuleSetRefSchema.omit({ version: true }).nullable(),
  })
  .openapi('PointsLedgerEntry');

const toEntry = (r: LedgerRow): z.infer<typeof LedgerEntry> => ({
  id: r.id,
  kind: r.kind,
  points: r.points,
  actionCode: r.actionCode,
  source: r.source,
  earnedOn: r.earnedOn,
  availableOn: r.availableOn,
  expiresOn: r.expiresOn,
  reason: r.reason,
  evidence: r.evidence,
  lotId: r.lotId,
  redemptionId: r.redemptionId,
  recordedAt: r.recordedAt,
  ruleSet: r.ruleSetId && r.ruleSetHash ? { id: r.ruleSetId, hash: r.ruleSetHash } : null,
});

const Benefit = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    cost: z.number().int(),
    stock: z.number().int().nullable().describe('null: unlimited'),
    left: z.number().int().nullable(),
    holderKinds: z.array(z.enum(HOLDER_KINDS)),
    validFrom: z.string(),
    validUntil: z.string(),
  })
  .openapi('Benefit');

const toBenefit = (b: BenefitRow & { left: number | null }): z.infer<typeof Benefit> => ({
  id: b.id,
  name: b.name,
  description: b.description,
  cost: b.cost,
  stock: b.stock,
  left: b.left,
  holderKinds: b.holderKinds,
  validFrom: b.validFrom,
  validUntil: b.validUntil,
});

const BatchLineResult = z
  .object({
    line: z.number().int(),
    status: z.enum(['awarded', 'refused']),
    entryId: z.string().nullable().describe('The ledger entry written; null when the line was refused'),
    holderId: z.string(),
    action: z.string(),
    catalogue: z.string().describe('The catalogue (rule set id) the line was awarded under; its version and hash are in ruleSets'),
    requested: z.number().int(),
    awarded: z.number().int(),
    refused: z
      .object({
        code: z.enum(['award-refused', 'cap-reached', 'duplicate-award', 'source-switched-off']),
        points: z.number().int(),
        reason: z.string(),
      })
      .nullable()
      .describe('What was not awarded and why: the whole line, or the part over a cap'),
  })
  .openapi('PointsBatchLine');

const awardBatchRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/points/award-batches',
  operationId: 'awardPointsBatch',
  tags: ['Points'],
  summary: 'Award points for up to 10 000 actions in one atomic batch, each line with its own result',
  description:
    'For platforms that send their day at once (a transit app its trips). The whole batch is one atomic unit. A line the batch cannot mean (unknown holder or action, an action your agency may not award, a malformed amount, a day in the future) refuses the batch, naming every such line, and nothing is written. Otherwise each line is awarded in order, as awardPoints would: cut to what the caps leave, refused alone when nothing is left (`cap-reached`), when its de-duplication key was seen (`duplicate-award`, also by an earlier line), when the holder switched the source off (`source-switched-off`) or when the catalogue refuses the amount (`award-refused`). Caps, keys and switches hold across the lines of one holder.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z.strictObject({ awards: z.array(AwardLine).min(1).max(MAX_AWARD_BATCH) }).openapi('AwardPointsBatch', {
        example: {
          awards: [
            { holder: { kind: 'resident', idNumber: '310230198503121233' }, action: 'WASTE-SORTING', occurredOn: '2026-11-24' },
            { holder: { kind: 'resident', idNumber: '310230199207180049' }, action: 'WASTE-SORTING', occurredOn: '2026-11-24' },
          ],
        },
      }),
    ),
  },
  responses: {
    201: {
      description: 'The batch, line by line',
      content: {
        'application/json': {
          schema: z
            .object({
              awarded: z.number().int().describe('Lines that wrote an entry (maybe cut by a cap)'),
              refused: z.number().int().describe('Lines refused alone'),
              points: z.number().int().describe('Points awarded by the whole batch'),
              lines: z.array(BatchLineResult),
              ruleSets: z.array(RuleSetRefSchema).describe('The catalogues the lines were awarded under'),
            })
            .openapi('PointsAwardBatch'),
        },
      },
    },
    ...problemResponses(400, 409, 413, 415, 422),
  },
});

const awardRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/points/awards',
  operationId: 'awardPoints',
  tags: ['Points'],
  summary: 'Award points for an action in the catalogue',
  description:
    'The catalogue decides the points (fixed, or per unit of the amount), the caps per day and month, the de-duplication key and when the points can be spent and expire. An award over a cap is cut to what is left and the refused part is reported; when nothing is left, 422 and nothing is written.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(AwardPointsBody),
  },
  responses: {
    201: {
      description: 'Awarded (maybe in part)',
      content: {
        'application/json': {
          schema: z
            .object({
              entry: LedgerEntry,
              requested: z.number().int(),
              awarded: z.number().int(),
              refused: z.object({ points: z.number().int(), reason: z.string() }).nullable(),
              ruleSet: RuleSetRefSchema,
            })
            .openapi('PointsAward'),
        },
      },
    },
    ...problemResponses(400, 409, 415, 422),
  },
});

const redeemRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/points/redemptions',
  operationId: 'redeemPoints',
  tags: ['Points'],
  summary: 'Spend points on a benefit (with the holder’s own token)',
  description:
    'Never overdraws the balance and never oversells the benefit, also under concurrent requests: both checks are part of the statements that write.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(z.strictObject({ benefitId: z.string().min(1).max(64) }).openapi('RedeemPoints')),
  },
  responses: {
    201: {
      description: 'Redeemed',
      content: {
        'application/json': {
          schema: z
            .object({ redemptionId: z.string(), benefit: Benefit, cost: z.number().int(), entry: LedgerEntry, balance: z.number().int() })
            .openapi('PointsRedemption'),
        },
      },
    },
    ...problemResponses(400, 404, 409, 415, 422),
  },
});

const accountRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/points',
  operationId: 'getPointsAccount',
  tags: ['Points'],
  summary: 'A holder’s points: balance, pending, expiring in 30 days, recent history, benefits on offer',
  description:
    'The holder with its token, or the bureau and auditors: points available now, pending (credited later), expiring within 30 days, the latest entries and the benefits on offer. Expiry is applied first.',
  request: { params: SubjectParam },
  responses: {
    200: {
      description: 'The account',
      content: {
        'application/json': {
          schema: z
            .object({
              holder: SubjectSchema,
              balance: z.number().int(),
              pending: z.number().int().describe('Awarded but not yet spendable'),
              expiringSoon: z.array(
                z.object({ points: z.number().int(), expiresOn: z.string(), earnedOn: z.string(), actionCode: z.string().nullable() }),
              ),
              history: z.array(LedgerEntry),
              benefits: z.array(Benefit.extend({ affordable: z.boolean() })),
            })
            .openapi('PointsAccount'),
        },
      },
    },
    ...problemResponses(404),
  },
});

const balanceRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/points/balance',
  operationId: 'getPointsBalance',
  tags: ['Points'],
  summary: 'A holder’s balance and pending points, nothing else: the light read for apps and counters',
  description:
    'The holder with its token, or the bureau and auditors: points available now and points credited later, as getPointsAccount gives them (expiry applied first), without the history and the benefits. A read by anyone but the holder is in the holder’s query log.',
  request: { params: SubjectParam },
  responses: {
    200: {
      description: 'The balance',
      content: {
        'application/json': {
          schema: z
            .object({
              holderId: z.string(),
              balance: z.number().int().describe('Points that can be spent today'),
              pending: z.number().int().describe('Awarded but not yet spendable'),
              asOf: z.string().describe('The day (China time) the balance is for'),
            })
            .openapi('PointsBalance'),
        },
      },
    },
    ...problemResponses(404),
  },
});

const ledgerRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/points/ledger',
  operationId: 'listPointsLedger',
  tags: ['Points'],
  summary: 'Every change to a holder’s points with its reason, oldest first (or newest first with order=desc)',
  description:
    'Earn, expire, redeem and reverse entries with their reasons and the rule set that gave them; the balance is their sum. `nextCursor` pages on.',
  request: {
    params: SubjectParam,
    query: z.strictObject({
      ...pageQuery(100),
      order: z.enum(['asc', 'desc']).default('asc').openapi({ description: 'asc: oldest first; desc: newest first' }),
    }),
  },
  responses: {
    200: {
      description: 'A page',
      content: { 'application/json': { schema: pageOf(LedgerEntry) } },
    },
    ...problemResponses(400, 404),
  },
});

const reverseRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/points/awards/{entryId}/reversal',
  operationId: 'reversePointsAward',
  tags: ['Points'],
  summary: 'Take back what is left of an award (never below a zero balance)',
  description:
    'The bureau or a recording agency: a reverse entry takes back what is left of it (points already spent stay spent), and the answer is that entry.',
  request: {
    params: DistrictParam.extend({
      entryId: pathId('entryId'),
    }),
    body: jsonBody(z.strictObject({ reason: z.string().min(1).max(2000) })),
  },
  responses: {
    201: { description: 'The reversing entry', content: { 'application/json': { schema: LedgerEntry } } },
    ...problemResponses(400, 404, 409, 422),
  },
});

const consentRoute = createRoute({
  method: 'put',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/points/sources/{source}',
  operationId: 'setPointsSourceConsent',
  tags: ['Points'],
  summary: 'Switch a data source on or off: awards from a source switched off are refused from then on',
  description:
    "With the holder's own token: from now on awards from this source are refused (403 `source-switched-off`), or accepted again. Points already earned stay.",
  request: {
    params: SubjectParam.extend({
      source: z
        .string()
        .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/)
        .openapi({ param: { name: 'source', in: 'path' }, example: 'transit-app' }),
    }),
    body: jsonBody(z.strictObject({ enabled: z.boolean() }).openapi('PointsSourceConsent')),
  },
  responses: {
    200: {
      description: 'The consent now in force',
      content: { 'application/json': { schema: z.object({ source: z.string(), enabled: z.boolean(), changedAt: z.string() }) } },
    },
    ...problemResponses(400, 404, 415),
  },
});

const createBenefitRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/benefits',
  operationId: 'createBenefit',
  tags: ['Points'],
  summary: 'Register a benefit that points can buy',
  description: 'For the bureau: what a benefit costs in points, who may redeem it, its stock (omitted: unlimited) and the dates it is on offer.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(NewBenefitSchema),
  },
  responses: {
    201: { description: 'Registered', content: { 'application/json': { schema: Benefit } } },
    ...problemResponses(400, 409, 415),
  },
});

const listBenefitsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/benefits',
  operationId: 'listBenefits',
  tags: ['Points'],
  summary: 'Benefits of the district, with what is left of each',
  description: 'Every caller of the district: benefits with their cost, holder kinds, dates and what is left of the stock.',
  request: { params: DistrictParam, query: z.strictObject({ validOn: IsoDate.optional() }) },
  responses: {
    200: { description: 'Benefits', content: { 'application/json': { schema: z.object({ items: z.array(Benefit) }) } } },
    ...problemResponses(400),
  },
});

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM');

const statisticsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/points/statistics',
  operationId: 'getPointsStatistics',
  tags: ['Points'],
  summary: 'Points issued, redeemed, expired and reversed per action code and month',
  description: 'For the bureau and auditors: points issued, expired and reversed per action code and month, and points redeemed per month.',
  request: { params: DistrictParam, query: z.strictObject({ from: Month, to: Month }) },
  responses: {
    200: {
      description: 'One row per month and action (redemptions per month, with actionCode null)',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({
                month: z.string(),
                actionCode: z.string().nullable(),
                issued: z.number().int(),
                redeemed: z.number().int(),
                expired: z.number().int(),
                reversed: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses(400),
  },
});

const CatalogueAction = z
  .object({
    code: z.string(),
    title: z.string(),
    holders: z.array(z.enum(HOLDER_KINDS)),
    points: z.number().int().nullable().describe('Whole points per award, or null when counted per unit'),
    perUnit: z.object({ unit: z.string(), points: z.number() }).nullable().describe('Points per unit of the amount, rounded down'),
    minAmount: z.number().nullable(),
    amountUnit: z.string().nullable().describe('For fixed-points actions with a minimum: the unit of the amount'),
    caps: z.object({
      perDay: z.number().int().nullable(),
      perMonth: z.number().int().nullable(),
      perDayActions: z.number().int().nullable().describe('Most awards a day'),
      perMonthActions: z.number().int().nullable().describe('Most awards a month'),
    }),
    oncePer: z.string().nullable().describe('The de-duplication key template: awards with the same key count once'),
    delayDays: z.number().int(),
    expiry: z.union([z.object({ endOfYearAfter: z.literal(true) }), z.object({ days: z.number().int() })]),
    source: z.string().nullable().describe('The data source a holder can switch off'),
  })
  .openapi('PointsCatalogueAction');

const catalogueRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/points/catalogue',
  operationId: 'getPointsCatalogue',
  tags: ['Points'],
  summary: 'How points are earned: the catalogue in force, each action with its points, minimum, caps, delay and expiry',
  description:
    'Every points catalogue in force (several may run side by side, each with its own caps); a subject sees the actions open to its kind, staff may filter with holderKind.',
  request: { params: DistrictParam, query: z.strictObject({ holderKind: z.enum(HOLDER_KINDS).optional() }) },
  responses: {
    200: {
      description: 'The catalogue in force today (a subject sees the actions open to its kind)',
      content: {
        'application/json': {
          schema: z
            .object({
              title: z.string(),
              ruleSet: RuleSetRefSchema,
              actions: z.array(CatalogueAction),
              catalogues: z
                .array(z.object({ title: z.string(), ruleSet: RuleSetRefSchema, actions: z.array(CatalogueAction) }))
                .describe('Every catalogue in force, each with its own caps; the fields above are the first'),
            })
            .openapi('PointsCatalogue'),
        },
      },
    },
    ...problemResponses(400, 404),
  },
});

const sourcesRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/points/sources',
  operationId: 'listPointsSources',
  tags: ['Points'],
  summary: 'The data sources that can award a holder points, and whether the holder has switched each off',
  description:
    'Each source a catalogue in force names (a transit app, a recycling machine), the actions it awards, and the holder’s switch (on unless switched off). A read by anyone but the holder is in the holder’s query log.',
  request: { params: SubjectParam },
  responses: {
    200: {
      description: 'Sources',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(z.object({ source: z.string(), actions: z.array(z.string()), enabled: z.boolean(), changedAt: z.string().nullable() })),
          }),
        },
      },
    },
    ...problemResponses(404),
  },
});

export const pointsRoutes = createRouter()
  .openapi(catalogueRoute, async (c) => {
    const ctx = serviceContext(c);
    const p = ctx.principal;
    const kind = p.type === 'subject' ? p.subjectKind : c.req.valid('query').holderKind;
    const catalogues = (await cataloguesAsWritten(ctx)).map((cat) => ({
      title: cat.title,
      ruleSet: cat.ruleSet,
      actions: cat.actions
        .filter((a) => !kind || a.holders.includes(kind))
        .map((a) => ({
          code: a.code,
          title: a.title,
          holders: a.holders,
          points: a.points ?? null,
          perUnit: a.perUnit ?? null,
          minAmount: a.minAmount ?? null,
          amountUnit: a.amountUnit ?? null,
          caps: {
            perDay: a.caps.perDay ?? null,
            perMonth: a.caps.perMonth ?? null,
            perDayActions: a.caps.perDayActions ?? null,
            perMonthActions: a.caps.perMonthActions ?? null,
          },
          oncePer: a.dedupKey ?? null,
          delayDays: a.delayDays,
          expiry: a.expiry,
          source: a.source ?? null,
        })),
    }));
    const first = catalogues[0] as (typeof catalogues)[number];
    return c.json({ ...first, catalogues }, 200);
  })
  .openapi(sourcesRoute, async (c) => c.json({ items: await sourceStates(serviceContext(c), c.req.valid('param').subjectId) }, 200))
  .openapi(awardBatchRoute, async (c) => c.json(await awardBatch(serviceContext(c), c.req.valid('json').awards), 201))
  .openapi(awardRoute, async (c) => {
    const result = await award(serviceContext(c), c.req.valid('json'));
    return c.json({ ...result, entry: toEntry(result.entry) }, 201);
  })
  .openapi(redeemRoute, async (c) => {
    const result = await redeem(serviceContext(c), c.req.valid('json').benefitId);
    return c.json({ ...result, benefit: toBenefit({ ...result.benefit, left: null }), entry: toEntry(result.entry) }, 201);
  })
  .openapi(accountRoute, async (c) => {
    const ctx = serviceContext(c);
    const a = await account(ctx, c.req.valid('param').subjectId);
    return c.json(
      {
        holder: toSubject(a.holder),
        balance: a.balance,
        pending: a.pending,
        expiringSoon: a.expiringSoon,
        history: a.history.map(toEntry),
        benefits: a.benefits.map((b) => ({ ...toBenefit(b), affordable: b.affordable })),
      },
      200,
    );
  })
  .openapi(balanceRoute, async (c) => {
    const ctx = serviceContext(c);
    const { holder, balance, pending } = await pointsBalance(ctx, c.req.valid('param').subjectId);
    return c.json({ holderId: holder.id, balance, pending, asOf: chinaDate(ctx.now) }, 200);
  })
  .openapi(ledgerRoute, async (c) => {
    const q = c.req.valid('query');
    const ctx = serviceContext(c);
    const { subjectId } = c.req.valid('param');
    const page = await ledgerPage(ctx, subjectId, { after: q.cursor === undefined ? undefined : Number(q.cursor), limit: q.limit, order: q.order });
    return c.json({ items: page.items.map(toEntry), nextCursor: page.nextCursor }, 200);
  })
  .openapi(reverseRoute, async (c) =>
    c.json(toEntry(await reverseAward(serviceContext(c), c.req.valid('param').entryId, c.req.valid('json').reason)), 201),
  )
  .openapi(consentRoute, async (c) => {
    const { subjectId, source } = c.req.valid('param');
    const row = await setSourceConsent(serviceContext(c), subjectId, source, c.req.valid('json').enabled);
    return c.json({ source: row.source, enabled: row.enabled, changedAt: row.changedAt }, 200);
  })
  .openapi(createBenefitRoute, async (c) => {
    const row = await createBenefit(serviceContext(c), c.req.valid('json'));
    return c.json(toBenefit({ ...row, left: row.stock }), 201);
  })
  .openapi(listBenefitsRoute, async (c) =>
    c.json({ items: (await listBenefits(serviceContext(c), { validOn: c.req.valid('query').validOn })).map(toBenefit) }, 200),
  )
  .openapi(statisticsRoute, async (c) => c.json({ items: await statistics(serviceContext(c), c.req.valid('query')) }, 200));
