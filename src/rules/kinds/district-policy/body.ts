import { z } from '@hono/zod-openapi';
import { CLAIM_GROUPS, PURPOSES } from '../../../platform/vocabulary.js';

export { CLAIM_GROUPS, type ClaimGroup, PURPOSES, type Purpose } from '../../../platform/vocabulary.js';

/** The only time zone implemented: the service counts China dates as UTC+8 with no daylight saving. */
export const SUPPORTED_TIME_ZONE = 'Asia/Shanghai';

const Days = (what: string) => z.number().int().min(1).max(3650).describe(what);

export const DistrictPolicyBody = z
  .strictObject({
    timeZone: z
      .string()
      .refine((tz) => tz === SUPPORTED_TIME_ZONE, {
        message: `only ${SUPPORTED_TIME_ZONE} (UTC+8, no daylight saving) is implemented; dates and deadlines are counted in it`,
      })
      .describe('The zone in which the district counts dates, deadlines and effective dates; Asia/Shanghai only, for now'),
    objectionAnswerDays: Days('Days within which an objection must be answered, counted from the China date it was filed (credit regulation: 20)'),
    reportValidDays: Days('Days a signed report stays valid after it is issued'),
    credentialValidDays: Days("Days a subject's own eco-credit credential stays valid after it is downloaded"),
    consentDays: z
      .strictObject({
        default: Days('Days a consent lasts when the subject names no end'),
        max: Days('The longest a consent may last'),
      })
      .describe('How long a consent to a bank lasts'),
    retention: z
      .strictObject({
        negativeYears: z
          .number()
          .positive()
          .max(100)
          .describe('Years a negative record counts after the behaviour ends, unless its behaviour list says otherwise'),
        positiveYears: z
          .number()
          .positive()
          .max(100)
          .describe('Years a positive record counts after the behaviour ends, unless its behaviour list says otherwise'),
      })
      .describe('Defaults for behaviour lists that state no retention of their own'),
    purposes: z
      .record(z.enum(PURPOSES), z.array(z.enum(CLAIM_GROUPS)).max(CLAIM_GROUPS.length))
      .describe('Minimum necessary: for every purpose, the claim groups a report or presentation for it may carry, whatever the consent covers'),
  })
  .superRefine((body, ctx) => {
    if (body.consentDays.default > body.consentDays.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['consentDays', 'default'],
        message: `the default (${body.consentDays.default} days) is longer than the maximum (${body.consentDays.max})`,
      });
    }
    for (const [purpose, groups] of Object.entries(body.purposes)) {
      const seen = new Set<string>();
      groups.forEach((g, i) => {
        if (seen.has(g)) ctx.addIssue({ code: 'custom', path: ['purposes', purpose, i], message: `${g} is listed twice for ${purpose}` });
        seen.add(g);
      });
    }
  });
export type DistrictPolicyBody = z.infer<typeof DistrictPolicyBody>;
