/** A usage report as events carry it: plain JSON, the time as an ISO string. */
export interface UsageReportSnapshot {
  id: string;
  metric: string;
  quantity: number;
  idempotencyKey: string;
  reportedAt: string;
}

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** A service reported usage (once per idempotency key; a retry says nothing again). */
    'usage.reported': { report: UsageReportSnapshot };
  }
}
