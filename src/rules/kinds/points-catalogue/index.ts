import { z } from '@hono/zod-openapi';
import { defineKind } from '../kind.js';
import { awardPoints, isRefusal } from './award.js';
import { PointsCatalogueBody } from './body.js';
import { compileCatalogue } from './compile.js';

export const pointsCatalogueKind = defineKind({
  name: 'points-catalogue',
  title: '生态积分目录：行为、分值、上限、去重与有效期',
  body: PointsCatalogueBody,
  compile: compileCatalogue,
  examples: {
    input: z.strictObject({ action: z.string(), amount: z.strictObject({ value: z.string(), unit: z.string() }).optional() }),
    run: (compiled, input) => {
      const { action, amount } = input as { action: string; amount?: { value: string; unit: string } };
      const a = compiled.actions.get(action);
      if (!a) throw new Error(`the catalogue has no action ${action}`);
      const points = awardPoints(a, amount);
      return isRefusal(points) ? { refused: points.reason } : { points };
    },
  },
});
