/**
 * `npm run docs:examples`: the OpenAPI document's examples, from real exchanges. The test suite runs with
 * RECORD_EXAMPLES=<file> (every call of a test world is appended to it); this keeps, per operation, the
 * smallest successful exchange (request body, path and query, answer) and the smallest answer of each
 * problem type, and writes them to src/operations/openapi-examples.generated.json. The document then
 * shows answers the service really gave, and the lint checks each against its schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocumentText } from './openapi-document.js';

interface Exchange {
  method: string;
  url: string;
  requestBody: unknown;
  status: number;
  contentType: string;
  responseBody: unknown;
}

interface Template {
  operationId: string;
  method: string;
  names: string[];
  pattern: RegExp;
  successes: string[];
}

export const EXAMPLES_FILE = fileURLToPath(new URL('../operations/openapi-examples.generated.json', import.meta.url));

function templates(documentText: string): Template[] {
  const doc = JSON.parse(documentText) as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
  const out: Template[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
    const pattern = new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
    for (const [method, op] of Object.entries(item)) {
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        names,
        pattern,
        successes: Object.keys(op.responses).filter((s) => s.startsWith('2')),
      });
    }
  }
  // Literal paths before templated ones.
  return out.sort((a, b) => a.names.length - b.names.length);
}

const size = (v: unknown) => JSON.stringify(v ?? null).length;

export async function collectExamples(recordFile: string): Promise<Record<string, unknown>> {
  const ops = templates(await openApiDocumentText());
  const best = new Map<string, { weight: number; request: object }>();
  const answers = new Map<string, Map<string, { weight: number; body: unknown }>>();
  const problems = new Map<string, Map<string, { weight: number; body: unknown }>>();
  for (const line of readFileSync(recordFile, 'utf8').split('\n')) {
    if (!line) continue;
    const x = JSON.parse(line) as Exchange;
    const [pathPart = '', queryPart] = x.url.split('?');
    const op = ops.find((o) => o.method === x.method && o.pattern.test(pathPart));
    if (!op || x.responseBody === undefined) continue;
    if (x.contentType.startsWith('application/problem+json')) {
      const type = String((x.responseBody as { type?: string }).type ?? '')
        .split('/')
        .pop();
      const key = `${x.status} ${type}`;
      const byType = problems.get(op.operationId) ?? new Map();
      const earlier = byType.get(key);
      if (!earlier || size(x.responseBody) < earlier.weight) byType.set(key, { weight: size(x.responseBody), body: x.responseBody });
      problems.set(op.operationId, byType);
      continue;
    }
    if (!op.successes.includes(String(x.status)) || !x.contentType.startsWith('application/json')) continue;
    const match = op.pattern.exec(pathPart);
    const path = Object.fromEntries(op.names.map((n, i) => [n, decodeURIComponent(match?.[i + 1] ?? '')]));
    const query = queryPart ? Object.fromEntries(new URLSearchParams(queryPart)) : undefined;
    const request = { ...(x.requestBody === undefined ? {} : { body: x.requestBody }), path, ...(query ? { query } : {}) };
    // The smallest exchange of the first success status the operation documents gives the request;
    // each success status keeps its smallest answer.
    const weight = op.successes.indexOf(String(x.status)) * 1e9 + size(x.requestBody) + size(x.responseBody);
    const earlier = best.get(op.operationId);
    if (!earlier || weight < earlier.weight) best.set(op.operationId, { weight, request });
    const byStatus = answers.get(op.operationId) ?? new Map();
    const answer = byStatus.get(String(x.status));
    if (!answer || size(x.responseBody) < answer.weight) byStatus.set(String(x.status), { weight: size(x.responseBody), body: x.responseBody });
    answers.set(op.operationId, byStatus);
  }
  const out: Record<string, unknown> = {};
  for (const op of [...new Set(ops.map((o) => o.operationId))].sort()) {
    const request = best.get(op)?.request;
    const responses = answers.get(op);
    const refused = problems.get(op);
    if (!request && !refused) continue;
    out[op] = {
      ...(request ? { request } : {}),
      ...(responses ? { responses: Object.fromEntries([...responses].sort(([a], [b]) => a.localeCompare(b)).map(([st, v]) => [st, v.body])) } : {}),
      ...(refused ? { problems: Object.fromEntries([...refused].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.body])) } : {}),
    };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx src/node/openapi-examples.ts <recorded exchanges>');
  const examples = await collectExamples(file);
  writeFileSync(EXAMPLES_FILE, `${JSON.stringify(examples, null, 1)}\n`);
  console.log(`wrote ${EXAMPLES_FILE}: ${Object.keys(examples).length} operations`);
}
