declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** The billing service reported an organization's wallet balance (cents; previous null at first). */
    'wallet.balance_changed': { previousCents: number | null; balanceCents: number };
  }
}

export {};
