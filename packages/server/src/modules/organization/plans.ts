import type { PlanLimits, PlanSeats } from '../../config/env';

/** A plan of the catalog: its code, a display name, its seats and its limits per cycle. */
export interface PlanDefinition {
  code: string;
  /** The code in words: REAL_ESTATE is "Real Estate". */
  name: string;
  /** null: unlimited. */
  seatLimit: number | null;
  /** Per metric, the most a billing cycle includes; a metric left out has no limit. */
  limits: Readonly<Record<string, number | null>>;
}

/**
 * The plan catalog of configuration: seats (PLAN_SEATS) and usage limits per billing cycle
 * (PLAN_LIMITS), in the order configuration lists the plans.
 */
export class PlanCatalog {
  constructor(
    private readonly seats: PlanSeats,
    private readonly limitsByPlan: PlanLimits = {},
  ) {}

  /** Seats of a plan; a plan since removed from the catalog counts as PROFESSIONAL. */
  seatLimit(plan: string): number | null {
    return this.seats[this.known(plan)] ?? null;
  }

  /** The limit of one metric in a plan, or null when it has none. */
  limit(plan: string, metric: string): number | null {
    return this.limits(plan)[metric] ?? null;
  }

  /** The limits of a plan per metric (a plan since removed counts as PROFESSIONAL). */
  limits(plan: string): Readonly<Record<string, number | null>> {
    return this.limitsByPlan[this.known(plan)] ?? {};
  }

  has(plan: string): boolean {
    return Object.hasOwn(this.seats, plan);
  }

  codes(): string[] {
    return Object.keys(this.seats);
  }

  list(): PlanDefinition[] {
    return this.codes().map((code) => ({
      code,
      name: planName(code),
      seatLimit: this.seatLimit(code),
      limits: this.limits(code),
    }));
  }

  private known(plan: string): string {
    return this.has(plan) ? plan : 'PROFESSIONAL';
  }
}

/** REAL_ESTATE → "Real Estate": plan names are the product's, the same in every language. */
export function planName(code: string): string {
  return code
    .split('_')
    .filter(Boolean)
    .map((word) => word[0] + word.slice(1).toLowerCase())
    .join(' ');
}
