import { z } from '@hono/zod-openapi';
import { defineKind } from '../kind.js';
import { allocate } from './allocate.js';
import { AllocationBody } from './body.js';
import { compileAllocation } from './compile.js';

export const allocationKind = defineKind({
  name: 'allocation',
  title: '生态补偿分配：纵向分配、横向协议、资金池、岗位工资与补偿标准',
  body: AllocationBody,
  compile: compileAllocation,
  examples: {
    input: z.strictObject({
      period: z.string().default('example'),
      fund: z.string().optional(),
      recipients: z.array(z.strictObject({ id: z.string(), name: z.string().optional(), values: z.record(z.string(), z.string()) })).default([]),
      values: z.record(z.string(), z.string()).optional(),
      parameters: z.record(z.string(), z.string()).optional(),
      sources: z.record(z.string(), z.string()).optional(),
    }),
    run: (compiled, input) => {
      const r = allocate(compiled, input as Parameters<typeof allocate>[1]);
      return {
        total: r.total,
        amounts: Object.fromEntries(r.recipients.map((x) => [x.id, x.amount])),
        ...(r.index ? { index: r.index.value, direction: r.index.direction } : {}),
        ...(r.flows ? { flows: r.flows } : {}),
        ...(r.sources ? { sources: Object.fromEntries(r.sources.map((x) => [x.source, x.paid])) } : {}),
      };
    },
  },
});
