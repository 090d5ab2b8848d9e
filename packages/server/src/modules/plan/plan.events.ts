declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** The owner moved the organization to another plan (plan codes of the catalog). */
    'plan.changed': { previousPlan: string; plan: string };
  }
}

export {};
