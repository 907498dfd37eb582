/**
 * Loads demo data (districts with their rule sets, clients, subjects) into an empty database, through
 * the same service verbs the API uses, so demo data obeys every rule real data does.
 */
import { z } from '@hono/zod-openapi';
import { parse } from 'yaml';
import { runAllocation } from '../compensation/allocations.service.js';
import { AllocationInputSchema } from '../compensation/schemas.js';
import { type EventInput, recordEvents } from '../credit/events.service.js';
import { EventInput as EventInputSchema } from '../credit/schemas.js';
import { createDistrict } from '../districts/districts.service.js';
import { closeAccount } from '../gep/accounts.service.js';
import { recordMeasurements } from '../gep/measurements.service.js';
import { GepUnitInput } from '../gep/schemas.js';
import { upsertUnit } from '../gep/units.service.js';
import { createClient } from '../identity/clients.service.js';
import { registerSubject } from '../identity/subjects.service.js';
import type { ServiceContext } from '../platform/context.js';
import { districts } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import { CLIENT_ROLES } from '../platform/vocabulary.js';
import { award } from '../points/award.service.js';
import { createBenefit } from '../points/benefits.service.js';
import { AwardPointsBody, NewBenefitSchema } from '../points/schemas.js';

// Each entry is parsed with the API's own request schema, so a seed file is held to what a client may send.
const SeedFile = z.strictObject({
  districts: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      clients: z.array(
        z.strictObject({
          name: z.string(),
          role: z.enum(CLIENT_ROLES),
          agency: z.string().optional(),
        }),
      ),
      events: z.array(EventInputSchema.extend({ by: z.string().describe('The recording agency') })).default([]),
      gepUnits: z
        .array(
          GepUnitInput.extend({
            code: z.string(),
            year: z.number().int(),
            measurements: z.array(z.object({ indicator: z.string(), value: z.string(), unit: z.string(), source: z.string() })),
            closed: z.string().optional().describe("The bureau's approval note: the year's account is closed with it"),
          }),
        )
        .default([]),
      benefits: z.array(NewBenefitSchema).default([]),
      awards: z.array(AwardPointsBody.extend({ by: z.string().describe('The recording agency') })).default([]),
      allocations: z.array(z.strictObject({ ruleSetId: z.string().min(1).max(80), ...AllocationInputSchema.shape })).default([]),
      subjects: z.array(
        z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('firm'), uscc: z.string(), name: z.string() }),
          z.strictObject({ kind: z.literal('resident'), idNumber: z.string(), name: z.string().optional() }),
        ]),
      ),
    }),
  ),
});

export interface SeedCredential {
  districtId: string;
  clientId: string;
  name: string;
  role: string;
  agency: string | null;
  apiKey: string;
}

export interface SeedResult {
  loaded: boolean;
  credentials: SeedCredential[];
}

/** Loads the seed file unless the database already has a district. */
export async function loadSeeds(deps: AppDeps, seedYaml: string): Promise<SeedResult> {
  const existing = await deps.storage.db.select({ id: districts.id }).from(districts).limit(1);
  if (existing.length > 0) return { loaded: false, credentials: [] };
  const seed = SeedFile.parse(parse(seedYaml));
  const credentials: SeedCredential[] = [];
  for (const d of seed.districts) {
    const ctx: ServiceContext = {
      deps,
      principal: { type: 'client', clientId: 'seed', districtId: d.id, role: 'bureau', agency: null, name: 'seed' },
      districtId: d.id,
      now: deps.clock.now(),
    };
    await createDistrict(ctx, d.name, deps.shippedRules);
    for (const c of d.clients) {
      const { client, apiKey } = await createClient(deps, { districtId: d.id, name: c.name, role: c.role, agency: c.agency });
      credentials.push({ districtId: d.id, clientId: client.id, name: c.name, role: c.role, agency: client.agency, apiKey });
    }
    for (const s of d.subjects) {
      await registerSubject(
        ctx,
        s.kind === 'firm'
          ? { kind: 'firm', identifier: s.uscc, identifierPointer: '/uscc', name: s.name }
          : { kind: 'resident', identifier: s.idNumber, identifierPointer: '/idNumber', name: s.name },
      );
    }
    const byAgency = new Map<string, EventInput[]>();
    for (const { by, ...event } of d.events) byAgency.set(by, [...(byAgency.get(by) ?? []), event]);
    for (const [agency, events] of byAgency) {
      const recorder = { type: 'client' as const, clientId: 'seed', districtId: d.id, role: 'recorder' as const, agency, name: `seed ${agency}` };
      await recordEvents({ ...ctx, principal: recorder }, events);
    }
    for (const { code, year, measurements, closed, ...unit } of d.gepUnits) {
      const { row } = await upsertUnit(ctx, code, unit);
      if (measurements.length) await recordMeasurements(ctx, code, year, measurements);
      if (closed) await closeAccount(ctx, row, year, { note: closed });
    }
    for (const b of d.benefits) await createBenefit(ctx, b);
    for (const { by, ...a } of d.awards) {
      const recorder = { type: 'client' as const, clientId: 'seed', districtId: d.id, role: 'recorder' as const, agency: by, name: `seed ${by}` };
      await award({ ...ctx, principal: recorder }, a);
    }
    for (const { ruleSetId, ...run } of d.allocations) await runAllocation(ctx, ruleSetId, run);
  }
  return { loaded: true, credentials };
}
