import { z } from '@hono/zod-openapi';
import { defineKind } from '../kind.js';
import { computeAccount } from './account.js';
import { GepMethodBody } from './body.js';
import { compileGepMethod } from './compile.js';

export const gepMethodKind = defineKind({
  name: 'gep-method',
  title: 'GEP 核算方法：指标、实物量单位、换算系数与价格',
  body: GepMethodBody,
  compile: compileGepMethod,
  examples: {
    input: z.strictObject({
      areaHa: z.string().default('1'),
      year: z.number().int().default(2025),
      measurements: z.array(z.strictObject({ indicator: z.string(), value: z.string(), unit: z.string() })),
    }),
    run: (compiled, input) => {
      const { areaHa, year, measurements } = input as {
        areaHa: string;
        year: number;
        measurements: Array<{ indicator: string; value: string; unit: string }>;
      };
      const account = computeAccount(compiled, areaHa, year, new Map(measurements.map((m) => [m.indicator, { ...m, source: 'example' }])));
      return { total: account.total, rows: Object.fromEntries(account.rows.map((r) => [r.indicator, r.value])) };
    },
  },
});
