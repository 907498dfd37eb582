import { z } from '@hono/zod-openapi';
import { documentSchemaFor } from './envelope.js';
import { KIND_NAMES, type KindName } from './kinds/index.js';

/** The JSON Schema of one rule kind, for editors (referenced from each rule file's first line). */
export function ruleKindJsonSchema(kind: KindName): Record<string, unknown> {
  return {
    ...z.toJSONSchema(documentSchemaFor(kind), { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'ref' }),
    $id: `https://eco-credit.example.cn/schemas/${kind}.schema.json`,
    title: `Eco-credit rule file: ${kind}`,
  };
}

export function allRuleKindSchemas(): Array<{ kind: KindName; fileName: string; text: string }> {
  return KIND_NAMES.map((kind) => ({ kind, fileName: `${kind}.schema.json`, text: `${JSON.stringify(ruleKindJsonSchema(kind), null, 2)}\n` }));
}
