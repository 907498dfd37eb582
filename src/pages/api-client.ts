/**
 * Pages are a thin client of the JSON API: each page calls the same operations with the visitor's own
 * credential, so access control, logging and the query log apply to pages exactly as to integrators.
 */
export type Fetch = (path: string, init?: RequestInit) => Response | Promise<Response>;

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export function apiClient(fetch: Fetch, credential: string) {
  // biome-ignore lint/suspicious/noExplicitAny: pages read the JSON answers the OpenAPI document describes.
  return async <T = any>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
}
