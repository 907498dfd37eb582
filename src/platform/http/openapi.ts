/**
 * @hono/zod-openapi plumbing shared by every capability: the router factory whose validation hook
 * turns zod failures into problem+json, and the schemas every operation documents.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ERROR_CODES, fail } from '../errors.js';
import type { AppEnv } from './env.js';
import type { FieldError } from './problem.js';

const TARGETS: Record<string, FieldError['in']> = { json: 'body', form: 'body', query: 'query', param: 'path', header: 'header' };

function pointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Zod issues as RFC 9457 field errors; unknown keys get one entry each, so the caller sees which. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], location: FieldError['in']): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ pointer: pointer([...issue.path, key]), in: location, detail: 'unknown field' });
    } else {
      out.push({ pointer: pointer(issue.path), in: location, detail: issue.message });
    }
  }
  return out;
}

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const location = TARGETS[result.target] ?? 'body';
        const errors = fieldErrors(result.error.issues, location);
        const first = errors[0];
        throw fail.invalid(first ? `${location} field '${first.pointer || '/'}': ${first.detail}` : `invalid ${location}`, errors);
      }
    },
  });
}

export const ProblemSchema = z
  .object({
    type: z.string().url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'For developers: what exactly was refused, in English' }),
    code: z.enum(ERROR_CODES).openapi({ description: 'Stable machine code; the problem type is its URI' }),
    message: z.string().openapi({ description: 'For people: the same failure in Chinese (zh-CN), from the message catalogue' }),
    instance: z.string().optional(),
    requestId: z.string().optional().openapi({ description: 'The x-request-id of the answer, also in every log line of the request' }),
    errors: z
      .array(
        z.object({
          pointer: z.string().openapi({ example: '/idNumber' }),
          in: z.enum(['body', 'query', 'path', 'header', 'file']),
          detail: z.string(),
          line: z.number().int().optional(),
        }),
      )
      .optional(),
  })
  // RFC 9457 extension members: a problem type may add its own (e.g. `reason`, `checks`, the existing id).
  .catchall(z.unknown())
  .openapi('Problem', {
    example: {
      type: 'https://eco-credit.example.cn/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: "body field '/idNumber': check character does not match",
      code: 'validation',
      message: '提交的内容有误，请按提示修改后重试。',
      errors: [{ pointer: '/idNumber', in: 'body', detail: 'check character does not match' }],
    },
  });

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/**
 * The error answers most operations can give, documented once. Not 401 nor 403: those follow from who
 * may call the operation (src/operations/access.ts), and the document gets them from there.
 */
export function problemResponses(...statuses: (400 | 404 | 409 | 413 | 415 | 422)[]) {
  const text: Record<number, string> = {
    400: 'The request is malformed or a field is invalid; `errors` names each field',
    404: 'No such resource in this district',
    409: 'Conflicts with the current state or with an earlier request under the same Idempotency-Key',
    413: 'The body is larger than the service accepts',
    415: 'The body is not JSON',
    422: 'Well-formed, but the content is not acceptable',
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: text[s] ?? 'Error', content: problemContent }]));
}

export const DistrictParam = z.object({
  districtId: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/)
    .openapi({ param: { name: 'districtId', in: 'path' }, example: 'chongming' }),
});

/** A required JSON request body with its schema. */
export function jsonBody<T extends z.ZodType>(schema: T): { required: true; content: { 'application/json': { schema: T } } } {
  return { required: true, content: { 'application/json': { schema: parsedSynchronously(schema) } } };
}

/**
 * @hono/zod-validator checks a body with `safeParseAsync`, and zod 4 runs its compiled fast path for
 * objects only in a synchronous parse: a 10 000-line batch of credit events took 64 ms against 24 ms
 * (bench/credit-bench.ts). No body schema has an asynchronous check, so the body is parsed
 * synchronously; should one ever get one, zod says so and the asynchronous parse takes over.
 */
function parsedSynchronously<T extends z.ZodType>(schema: T): T {
  const asynchronous = schema.safeParseAsync.bind(schema);
  Object.defineProperty(schema, 'safeParseAsync', {
    configurable: true,
    value: async (data: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>) => {
      try {
        return schema.safeParse(data, params);
      } catch (error) {
        if (error instanceof z.core.$ZodAsyncError) return asynchronous(data, params);
        throw error;
      }
    },
  });
  return schema;
}

/** A path segment naming a record: 1 to `max` characters, documented as a path parameter. */
export function pathId(name: string, options: { max?: number; example?: string } = {}) {
  return z
    .string()
    .min(1)
    .max(options.max ?? 64)
    .openapi({ param: { name, in: 'path' }, ...(options.example === undefined ? {} : { example: options.example }) });
}

export const SubjectParam = DistrictParam.extend({ subjectId: pathId('subjectId', { example: 'sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b' }) });

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Makes a retry safe: the same key with the same body returns the first answer; with another body, 409.',
      example: '7d1c1f62-1c5a-4c1e-9b1e-8d1a3f0f2a10',
    }),
});
