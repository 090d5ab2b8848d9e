/** The metrics the app names in words; others (a service's own) show their code. */
export const NAMED_METRICS = ['API_REQUESTS', 'MINUTES', 'MESSAGES', 'GROUPS'] as const;
export type NamedMetric = (typeof NAMED_METRICS)[number];

export function isNamedMetric(metric: string): metric is NamedMetric {
  return (NAMED_METRICS as readonly string[]).includes(metric);
}

/** How full a limit is, 0–100 (more when over it); null without a limit. */
export function percentOfLimit(quantity: number, limit: number | null): number | null {
  if (limit === null) return null;
  if (limit === 0) return quantity > 0 ? 100 : 0;
  return Math.round((quantity / limit) * 100);
}

/** Whether moving to a plan with `seatLimit` leaves room for the seats in use. */
export function seatsFit(used: number, seatLimit: number | null): boolean {
  return seatLimit === null || used <= seatLimit;
}

/** The last moment of a cycle that ends (exclusively) at `end`: the day people call its last. */
export function lastMomentBefore(end: string): string {
  return new Date(Date.parse(end) - 1).toISOString();
}
