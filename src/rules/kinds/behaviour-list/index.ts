import { z } from '@hono/zod-openapi';
import { defineKind } from '../kind.js';
import { BehaviourListBody } from './body.js';
import { compileBehaviourList } from './compile.js';

export const behaviourListKind = defineKind({
  name: 'behaviour-list',
  title: '正负面行为清单：事项、分值、计入期限与红黑名单',
  body: BehaviourListBody,
  compile: compileBehaviourList,
  examples: {
    input: z.strictObject({
      code: z.string(),
      amounts: z.array(z.strictObject({ name: z.string(), value: z.string(), unit: z.string() })).default([]),
    }),
    run: (compiled, input) => {
      const { code, amounts } = input as { code: string; amounts: Array<{ name: string; value: string; unit: string }> };
      const c = compiled.codes.get(code);
      if (!c) throw new Error(`the list has no code ${code}`);
      return { points: c.points(amounts) };
    },
  },
});
