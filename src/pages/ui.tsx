/** Small pieces the pages share: alerts, pagers, the page for a refusal, the role guard. */
import type { MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { messageOf } from '../platform/messages/zh-CN.js';
import { Page } from './layout.js';
import type { PagesContext, PagesEnv, Visitor } from './visitor.js';

/** Pages of one role: anyone else is told so, in Chinese, with the way to their own pages. */
export function only(...kinds: Visitor['kind'][]): MiddlewareHandler<PagesEnv> {
  return async (c, next) => {
    if (!kinds.includes(c.var.visitor.kind)) return refusal(c, 403, '无权访问', messageOf('forbidden'));
    await next();
  };
}

/** A fresh key for a form that changes something: sent as Idempotency-Key, so a double tap counts once. */
export function requestKey(): string {
  return crypto.randomUUID();
}

/** An error people must notice: announced by screen readers as it appears. */
export function Alert(props: { children: Child }) {
  return (
    <div class="alert" role="alert">
      {props.children}
    </div>
  );
}

/** The outcome of an action that went through. */
export function Notice(props: { children: Child }) {
  return (
    <div class="notice" role="status">
      {props.children}
    </div>
  );
}

/** A page that only says why something could not be done, with the way back. */
export function refusal(c: PagesContext, status: 400 | 403 | 404 | 409 | 422 | 502, title: string, message: string, back?: string) {
  const v = c.var.visitor;
  return c.html(
    <Page title={title} visitor={v}>
      <Alert>
        <p>{message}</p>
      </Alert>
      <p>
        <a href={back ?? `/app/districts/${v.districtId}/${homeOf(v.kind)}`}>返回</a>
      </p>
    </Page>,
    status,
  );
}

export function homeOf(kind: 'subject' | 'bureau' | 'bank' | 'auditor' | 'recorder'): string {
  return { subject: 'me', bureau: 'bureau', bank: 'bank', auditor: 'audit', recorder: 'records' }[kind];
}

/** Previous/next links for a list shown page by page. */
export function Pager(props: { prev?: string | null | undefined; next?: string | null | undefined; label?: string }) {
  if (!props.prev && !props.next) return null;
  return (
    <nav class="pager" aria-label={props.label ?? '翻页'}>
      {props.prev ? (
        <a class="button secondary" href={props.prev}>
          上一页
        </a>
      ) : null}
      {props.next ? (
        <a class="button secondary" href={props.next}>
          下一页
        </a>
      ) : null}
    </nav>
  );
}
