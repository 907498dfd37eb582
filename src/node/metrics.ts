/**
 * Prometheus metrics on Node (prom-client): requests per operationId and status with their latency,
 * statement time in SQLite, and the business counters; plus the process's own (CPU, memory, event loop).
 * Served as `/metrics` behind METRICS_TOKEN on the main port, or on METRICS_PORT alone.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { DomainCounter, Metrics, RequestSample } from '../platform/metrics.js';
import type { QueryObserver } from './sqlite.js';

export interface NodeMetrics extends Metrics {
  registry: Registry;
  observeQuery: QueryObserver;
}

const COUNTERS: Record<DomainCounter, { name: string; help: string }> = {
  reportsIssued: { name: 'eco_reports_issued_total', help: 'Signed credit reports issued' },
  eventsRecorded: { name: 'eco_credit_events_recorded_total', help: 'Credit events recorded (duplicates of earlier lines not counted)' },
  pointsAwarded: { name: 'eco_points_awarded_total', help: 'Ecological points awarded (after caps)' },
  idempotentReplays: { name: 'eco_idempotent_replays_total', help: 'Requests answered from an earlier one with the same Idempotency-Key' },
};

export function prometheusMetrics(): NodeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['operation_id', 'method', 'status'] as const;
  const requests = new Counter({ name: 'eco_http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'eco_http_request_duration_seconds',
    help: 'Time from receiving a request to its answer',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const queries = new Histogram({
    name: 'eco_db_query_duration_seconds',
    help: 'Time SQLite spent on each statement',
    labelNames: ['kind'] as const,
    buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1],
    registers: [registry],
  });
  const counters = Object.fromEntries(
    Object.entries(COUNTERS).map(([key, c]) => [key, new Counter({ ...c, labelNames: ['district'] as const, registers: [registry] })]),
  ) as Record<DomainCounter, Counter<'district'>>;

  return {
    registry,
    request(s: RequestSample) {
      const labels = { operation_id: s.operationId, method: s.method, status: String(s.status) };
      requests.inc(labels);
      latency.observe(labels, s.seconds);
    },
    count(counter, district, value = 1) {
      counters[counter].inc({ district }, value);
    },
    observeQuery(kind, seconds) {
      queries.observe({ kind }, seconds);
    },
  };
}

/**
 * `GET /metrics` in the Prometheus text format. With a token, only `Authorization: Bearer <token>` is
 * answered (compared in constant time); without one, the caller must have put it on a port of its own.
 */
export function metricsEndpoint(metrics: NodeMetrics, token: string | undefined): (request: Request) => Promise<Response> {
  const expected = token === undefined ? undefined : sha256(token);
  return async (request) => {
    const path = new URL(request.url).pathname;
    if (path !== '/metrics') return problem(404, 'not-found', `no route for ${request.method} ${path}`);
    if (request.method !== 'GET') return problem(405, 'method-not-allowed', 'only GET /metrics');
    if (expected) {
      const [scheme, given] = (request.headers.get('authorization') ?? '').split(/\s+/, 2);
      if (scheme?.toLowerCase() !== 'bearer' || !given || !timingSafeEqual(sha256(given), expected)) {
        return problem(401, 'unauthenticated', 'send the metrics token as `Authorization: Bearer …`');
      }
    }
    return new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } });
  };
}

/** Fixed-length digests, so that tokens of any length compare in constant time. */
const sha256 = (text: string) => createHash('sha256').update(text).digest();

function problem(status: number, slug: string, detail: string): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="eco-credit-metrics"';
  return new Response(JSON.stringify({ type: `https://eco-credit.example.cn/problems/${slug}`, title: slug, status, detail, instance: '/metrics' }), {
    status,
    headers,
  });
}
