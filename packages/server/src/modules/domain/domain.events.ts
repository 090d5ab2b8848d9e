import type { DomainEntity } from './domain.entity';

/** A claimed domain as events carry it (its TXT token is public, but of no use to anyone later). */
export interface DomainSnapshot {
  id: string;
  organizationId: string;
  domain: string;
  verifiedAt: string | null;
}

export function snapshotDomain(domain: DomainEntity): DomainSnapshot {
  return {
    id: domain.id,
    organizationId: domain.organizationId,
    domain: domain.domain,
    verifiedAt: domain.verifiedAt?.toISOString() ?? null,
  };
}

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    'domain.added': { domain: DomainSnapshot };
    /** Its TXT record was found: the organization owns the domain from now on. */
    'domain.verified': { domain: DomainSnapshot };
    'domain.removed': { domain: DomainSnapshot };
  }
}
