import type { PlanSeats } from '../../config/env';

/** The plan catalog of configuration (PLAN_SEATS): seats per plan, null for unlimited. */
export class PlanCatalog {
  constructor(private readonly seats: PlanSeats) {}

  /** Seats of a plan; a plan since removed from the catalog counts as PROFESSIONAL. */
  seatLimit(plan: string): number | null {
    const known = Object.hasOwn(this.seats, plan) ? plan : 'PROFESSIONAL';
    return this.seats[known] ?? null;
  }

  codes(): string[] {
    return Object.keys(this.seats);
  }
}
