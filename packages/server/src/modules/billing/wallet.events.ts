declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /**
     * The billing service reported an organization's wallet balance (cents; previous null at
     * first). Said at every report that is not older than the one recorded, changed or not:
     * the low-balance alert may fire on a later report of the same low balance.
     */
    'wallet.balance_changed': {
      previousCents: number | null;
      balanceCents: number;
      currency: string;
      asOf: string;
    };
  }
}

export {};
