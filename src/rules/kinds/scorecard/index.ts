import { z } from '@hono/zod-openapi';
import { defineKind } from '../kind.js';
import { ScorecardBody } from './body.js';
import { compileScorecard } from './compile.js';

export const scorecardKind = defineKind({
  name: 'scorecard',
  title: '评分卡：由信用档案事实计分、分级（含一票否决）',
  body: ScorecardBody,
  compile: compileScorecard,
  references: (body) => (body.behaviourList ? [{ pointer: '/body/behaviourList', ruleSetId: body.behaviourList, kind: 'behaviour-list' }] : []),
  examples: {
    input: z.strictObject({ facts: z.record(z.string(), z.union([z.number(), z.boolean()])) }),
    run: (compiled, input) => {
      const r = compiled.evaluate((input as { facts: Record<string, number | boolean> }).facts);
      return {
        score: r.score,
        grade: r.grade,
        scoreGrade: r.scoreGrade,
        items: Object.fromEntries(r.trace.filter((t) => t.kind === 'item').map((t) => [t.id, t.points])),
      };
    },
  },
});
