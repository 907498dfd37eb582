/**
 * Who is looking at a page: the session's principal, what the header shows about them, and how the
 * pages call the JSON API on their behalf (in-process, with that principal; see in-process.ts).
 */
import type { Context } from 'hono';
import type { ErrorCode } from '../platform/errors.js';
import type { AppEnv } from '../platform/http/env.js';
import type { Principal } from '../platform/http/principal.js';
import { messageOf, ZH_CN_MESSAGES } from '../platform/messages/zh-CN.js';
import type { SubjectKind } from '../platform/vocabulary.js';

/** Calls the app's own JSON API as `principal`. */
export type Fetch = (path: string, init: RequestInit, principal: Principal) => Response | Promise<Response>;

export interface Visitor {
  principal: Principal;
  kind: 'subject' | 'bureau' | 'bank' | 'auditor' | 'recorder';
  subjectKind?: SubjectKind;
  /** The subject's own record id, for subjects. */
  subjectId?: string;
  name: string;
  districtId: string;
  districtName: string;
}

export interface PagesEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { visitor: Visitor; fetchApi: Fetch };
}

export type PagesContext = Context<PagesEnv>;

export interface ApiAnswer {
  status: number;
  ok: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: pages read the JSON answers the OpenAPI document describes.
  body: any;
}

/** Calls the JSON API for the visitor; `path` is under /v1/districts/{d}. */
export function api(c: PagesContext) {
  const v = c.var.visitor;
  return (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    callApi(c.var.fetchApi, v.principal, method, `/v1/districts/${v.districtId}${path}`, body, headers);
}

export async function callApi(
  fetchApi: Fetch,
  principal: Principal,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const res = await fetchApi(
    path,
    {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    principal,
  );
  const text = await res.text();
  return { status: res.status, ok: res.ok, body: text ? JSON.parse(text) : undefined };
}

/** What a person reads for a refused call: the catalogue's sentence for its code, never the API's detail. */
export function problemMessage(answer: ApiAnswer): string {
  const code = answer.body?.code as string | undefined;
  if (code && code in ZH_CN_MESSAGES) return messageOf(code as ErrorCode);
  if (typeof answer.body?.message === 'string') return answer.body.message;
  return messageOf('internal');
}
