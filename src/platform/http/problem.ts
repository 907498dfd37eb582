/**
 * RFC 9457 problem details: the one shape every 4xx and 5xx answer takes.
 * Services throw `Problem`; the app's error handler turns it into `application/problem+json`.
 */
export interface FieldError {
  /** JSON pointer into the part of the request named by `in`, e.g. `/amounts/0/value`. */
  pointer: string;
  in: 'body' | 'query' | 'path' | 'header' | 'file';
  detail: string;
  /** For rule files: the 1-based line the field stands on. */
  line?: number;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://eco-credit.example.cn/problems/';

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    slug: string,
    title: string,
    detail: string,
    options: { errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.status = status;
    this.type = TYPE_BASE + slug;
    this.title = title;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const problems = {
  validation: (detail: string, errors: FieldError[]) => new Problem(400, 'validation', 'Invalid request', detail, { errors }),
  badRequest: (slug: string, detail: string, errors?: FieldError[]) => new Problem(400, slug, 'Bad request', detail, errors ? { errors } : {}),
  unauthenticated: (detail: string) => new Problem(401, 'unauthenticated', 'Authentication required', detail),
  forbidden: (detail: string) => new Problem(403, 'forbidden', 'Forbidden', detail),
  notFound: (detail: string) => new Problem(404, 'not-found', 'Not found', detail),
  conflict: (slug: string, detail: string, extensions?: Record<string, unknown>) =>
    new Problem(409, slug, 'Conflict', detail, extensions ? { extensions } : {}),
  unprocessable: (slug: string, detail: string, errors?: FieldError[]) => new Problem(422, slug, 'Unprocessable', detail, errors ? { errors } : {}),
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
