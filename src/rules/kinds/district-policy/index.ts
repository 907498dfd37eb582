import { z } from '@hono/zod-openapi';
import { addDays } from '../../../platform/dates.js';
import { IsoDate } from '../common.js';
import { defineKind } from '../kind.js';
import { DistrictPolicyBody, PURPOSES } from './body.js';
import { compileDistrictPolicy } from './compile.js';

const DAY = 86_400_000;

export const districtPolicyKind = defineKind({
  name: 'district-policy',
  title: '辖区政策：异议答复时限、报告与凭证有效期、授权期限、记录计入年限、时区、各用途可获取的信息',
  body: DistrictPolicyBody,
  compile: compileDistrictPolicy,
  examples: {
    // What a bureau checks of its policy: a deadline, a validity, what a purpose receives.
    input: z.strictObject({
      filedOn: IsoDate.optional().describe('An objection filed on this China date'),
      issuedAt: z.iso.datetime({ offset: true }).optional().describe('A report and a credential issued at this instant'),
      purpose: z.enum(PURPOSES).optional().describe('A report or presentation for this purpose'),
    }),
    run: (compiled, input) => {
      const { filedOn, issuedAt, purpose } = input as { filedOn?: string; issuedAt?: string; purpose?: (typeof PURPOSES)[number] };
      const at = issuedAt ? new Date(issuedAt).getTime() : undefined;
      return {
        ...(filedOn ? { objectionDueOn: addDays(filedOn, compiled.objectionAnswerDays) } : {}),
        ...(at !== undefined
          ? {
              reportValidUntil: new Date(at + compiled.reportValidDays * DAY).toISOString(),
              credentialValidUntil: new Date(at + compiled.credentialValidDays * DAY).toISOString(),
            }
          : {}),
        ...(purpose ? { claims: [...compiled.claimsFor(purpose)] } : {}),
      };
    },
  },
});
