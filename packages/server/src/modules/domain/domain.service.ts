import { randomBytes } from 'node:crypto';
import { isFQDN } from 'class-validator';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, fail } from '../../graphql/errors';
import type { TxtLookup } from '../../lib/dns-txt';
import type { RateLimits } from '../../security/rate-limits';
import { authorize, inOrganization, type OrganizationAccess } from '../organization/access';
import type { Caller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import type { OrganizationOperation } from '../organization/policy';
import { DomainEntity } from './domain.entity';
import { snapshotDomain } from './domain.events';
import { verificationRecord } from './domain.type';

const MAX_DOMAINS = 20;

/** Verified domains: add one, publish its TXT record, verify it, remove it. */
export class DomainService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookUpTxt: TxtLookup,
    private readonly limits: RateLimits,
    private readonly logger: Logger,
    private readonly events: DomainEvents,
  ) {}

  async list(access: OrganizationAccess): Promise<DomainEntity[]> {
    authorize(access, 'organization.view');
    return this.dataSource.getRepository(DomainEntity).find({
      where: { organizationId: access.organization.id },
      order: { domain: 'ASC' },
    });
  }

  async add(caller: Caller, organizationId: string, domain: string): Promise<DomainEntity> {
    const name = normalizeDomain(domain);
    try {
      return await inOrganization(
        this.dataSource,
        { caller, organizationId, operation: 'domain.add' },
        async (manager) => {
          const repository = manager.getRepository(DomainEntity);
          if (await repository.exists({ where: { organizationId, domain: name } })) {
            throw fail('DOMAIN_TAKEN', { fields: { domain: 'DOMAIN_TAKEN' } });
          }
          if ((await repository.countBy({ organizationId })) >= MAX_DOMAINS) {
            throw badUserInput({
              domain: { reason: 'DOMAIN_LIMIT_REACHED', params: { max: MAX_DOMAINS } },
            });
          }
          const created = repository.create({
            id: newId(),
            organizationId,
            domain: name,
            verificationToken: randomBytes(16).toString('hex'),
            verifiedAt: null,
            createdAt: new Date(),
          });
          await repository.insert(created);
          await this.say(manager, caller, 'domain.added', created);
          return created;
        },
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organization_domains_org_domain')) {
        throw fail('DOMAIN_TAKEN', { fields: { domain: 'DOMAIN_TAKEN' } });
      }
      throw error;
    }
  }

  /**
   * Looks the TXT record up now; verified when it carries the token. Not finding it is no
   * error: the answer stays unverified (DNS changes take a while to appear).
   */
  async verify(caller: Caller, domainId: string): Promise<DomainEntity> {
    const domain = await this.onDomain(
      caller,
      domainId,
      'domain.verify',
      async (_, found) => found,
    );
    if (domain.verifiedAt) return domain;
    await this.limits.consume('domainCheckPerOrganization', domain.organizationId);
    const record = verificationRecord(domain);
    let published: string[] = [];
    try {
      published = await this.lookUpTxt(record.name);
    } catch (error) {
      this.logger.warn({ err: error, name: record.name }, 'TXT look-up failed');
    }
    if (!published.includes(record.value)) return domain;
    // Marked in a transaction of its own after the look-up (DNS can be slow): conditional, so
    // of two verifications that both found the record, one says so.
    return this.onDomain(caller, domainId, 'domain.verify', async (manager, found) => {
      const verifiedAt = new Date();
      const marked = await manager
        .createQueryBuilder()
        .update(DomainEntity)
        .set({ verifiedAt })
        .where('id = :id AND verified_at IS NULL', { id: found.id })
        .execute();
      if (marked.affected !== 1) return manager.findOneByOrFail(DomainEntity, { id: found.id });
      const verified = Object.assign(new DomainEntity(), found, { verifiedAt });
      await this.say(manager, caller, 'domain.verified', verified);
      return verified;
    });
  }

  async remove(caller: Caller, domainId: string): Promise<boolean> {
    return this.onDomain(caller, domainId, 'domain.remove', async (manager, found) => {
      await manager.delete(DomainEntity, { id: found.id });
      await this.say(manager, caller, 'domain.removed', found);
      return true;
    });
  }

  private say(
    manager: EntityManager,
    caller: Caller,
    type: 'domain.added' | 'domain.verified' | 'domain.removed',
    domain: DomainEntity,
  ): Promise<void> {
    return this.events.emit(manager, {
      type,
      caller,
      organizationId: domain.organizationId,
      data: { domain: snapshotDomain(domain) },
    });
  }

  private async onDomain<T>(
    caller: Caller,
    domainId: string,
    operation: OrganizationOperation,
    work: (manager: EntityManager, domain: DomainEntity) => Promise<T>,
  ): Promise<T> {
    const found = await this.dataSource.getRepository(DomainEntity).findOneBy({ id: domainId });
    if (!found) throw fail('DOMAIN_NOT_FOUND');
    return inOrganization(
      this.dataSource,
      { caller, organizationId: found.organizationId, operation, missing: 'DOMAIN_NOT_FOUND' },
      (manager) => work(manager, found),
    );
  }
}

/** Lower-case, no trailing dot, a public-looking name (example.com, not localhost or an IP). */
export function normalizeDomain(input: string): string {
  const name = input.trim().toLowerCase().replace(/\.$/, '');
  const valid =
    name.length <= 253 &&
    isFQDN(name, { require_tld: true, allow_underscores: false, allow_numeric_tld: false });
  if (!valid) throw badUserInput({ domain: 'DOMAIN_INVALID' });
  return name;
}
