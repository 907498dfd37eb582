/**
 * What the test worlds see of the API, used twice:
 * - with RECORD_EXAMPLES=<file>, every exchange is appended to that file; `npm run docs:examples` turns
 *   the smallest of each operation into the OpenAPI document's examples (src/node/openapi-examples.ts);
 * - every problem answer must be of a type the OpenAPI document lists for its operation and status, so
 *   a new refusal cannot go undocumented.
 */
import { appendFileSync } from 'node:fs';

export interface Exchange {
  method: string;
  /** Path and query, as sent. */
  url: string;
  requestBody: unknown;
  status: number;
  contentType: string;
  responseBody: unknown;
}

interface Operation {
  operationId: string;
  method: string;
  pattern: RegExp;
  problems: Map<string, Set<string>>;
}

const indexes = new Map<string, Operation[]>();

/** Operations by method and path template, with the problem types each documents per status. */
function indexOf(documentText: string): Operation[] {
  let index = indexes.get(documentText);
  if (index) return index;
  // biome-ignore lint/suspicious/noExplicitAny: the document is read as plain JSON.
  const doc = JSON.parse(documentText) as any;
  index = [];
  for (const [path, item] of Object.entries(doc.paths) as Array<[string, Record<string, { operationId: string; responses: object }>]>) {
    const pattern = new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(item)) {
      const problems = new Map<string, Set<string>>();
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      for (const [status, response] of Object.entries(op.responses) as Array<[string, any]>) {
        const examples = response.content?.['application/problem+json']?.examples ?? {};
        problems.set(status, new Set(Object.values(examples).map((e) => (e as { value: { type: string } }).value.type)));
      }
      index.push({ operationId: op.operationId, method: method.toUpperCase(), pattern, problems });
    }
  }
  // Literal paths before templated ones (`/subjects/lookup` before `/subjects/{id}`).
  const templated = (o: Operation) => o.pattern.source.split('[^/]+').length;
  index.sort((a, b) => templated(a) - templated(b));
  indexes.set(documentText, index);
  return index;
}

export function operationOf(documentText: string, method: string, url: string): string | undefined {
  const path = url.split('?')[0] ?? url;
  return indexOf(documentText).find((o) => o.method === method && o.pattern.test(path))?.operationId;
}

export function observeExchange(documentText: string, x: Exchange): void {
  const file = process.env.RECORD_EXAMPLES;
  if (file) appendFileSync(file, `${JSON.stringify(x)}\n`);
  if (!x.contentType.startsWith('application/problem+json')) return;
  const path = x.url.split('?')[0] ?? x.url;
  const op = indexOf(documentText).find((o) => o.method === x.method && o.pattern.test(path));
  if (!op) return; // no operation: a 404 for an unknown route
  const type = (x.responseBody as { type?: string } | undefined)?.type ?? '(none)';
  const documented = op.problems.get(String(x.status));
  if (!documented?.has(type)) {
    throw new Error(
      `${op.operationId} answered ${x.status} ${type}, which its OpenAPI document does not list (it lists ${[...(documented ?? [])].join(', ') || 'nothing'} for ${x.status}); add it to OPERATION_PROBLEMS in src/operations/openapi-enrich.ts`,
    );
  }
}
