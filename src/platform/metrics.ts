/**
 * What the app reports for monitoring, whatever collects it: the Node entry backs it with prom-client
 * (`/metrics`), a Worker leaves it out, tests may count. Optional in AppDeps, so the app needs none.
 */

/** Business events worth a counter, each labelled with its district. */
export type DomainCounter = 'reportsIssued' | 'eventsRecorded' | 'pointsAwarded' | 'idempotentReplays';

export interface RequestSample {
  /** The OpenAPI operationId, or the route for pages and documents, or `unmatched`. */
  operationId: string;
  method: string;
  status: number;
  seconds: number;
}

export interface Metrics {
  request(sample: RequestSample): void;
  /** Adds `value` (default 1) to a counter: reports, events, points, replays. */
  count(counter: DomainCounter, district: string, value?: number): void;
}
