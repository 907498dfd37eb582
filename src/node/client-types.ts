/**
 * Writes src/client/schema.generated.ts, the types of the typed client, from the OpenAPI document with
 * openapi-typescript: `npm run client:generate` after changing an operation. A test keeps the file in
 * step with the document. A developer's tool on Node (openapi-typescript is a devDependency), never
 * imported by the service or the client.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocumentText } from './openapi-document.js';

export const GENERATED = fileURLToPath(new URL('../client/schema.generated.ts', import.meta.url));

export async function generatedTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocumentText(), { alphabetize: true });
  return `// Generated from the OpenAPI document by \`npm run client:generate\` (openapi-typescript): do not edit.\n${astToString(ast)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED, await generatedTypes());
  console.log(`wrote ${GENERATED}`);
}
