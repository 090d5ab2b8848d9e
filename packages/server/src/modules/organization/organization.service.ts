import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { badUserInput } from '../../graphql/errors';
import { truncateCodePoints } from '../../lib/text';
import type { AccountEntity } from '../account/account.entity';
import { requireKnownCaller, type Caller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { accessFor, inOrganization, type OrganizationAccess } from './access';
import { anchorDayOf } from './billing-cycle';
import { snapshotOrganization } from './organization.events';
import type { UpdateOrganizationInput } from './organization.inputs';
import { ORGANIZATION_NAME_MAX_CHARS, OrganizationEntity } from './organization.entity';
import type { PlanCatalog } from './plans';
import { seatUsage, type SeatUsage } from './seats';
import { TeamMemberEntity } from './team-member.entity';

/** Every account starts with a workspace of its own, which it owns. */
export async function createOwnOrganization(
  manager: EntityManager,
  owner: AccountEntity,
): Promise<OrganizationEntity> {
  const now = new Date();
  const organization = manager.create(OrganizationEntity, {
    id: newId(),
    // By code point, as the column counts: slice() cuts UTF-16 units and can split an emoji.
    name: truncateCodePoints(owner.fullName, ORGANIZATION_NAME_MAX_CHARS),
    industry: null,
    website: null,
    plan: 'PROFESSIONAL',
    billingAnchorDay: anchorDayOf(now, owner.timezone),
    createdAt: now,
    updatedAt: now,
  });
  await manager.insert(OrganizationEntity, organization);
  await manager.insert(TeamMemberEntity, {
    id: newId(),
    organizationId: organization.id,
    accountId: owner.id,
    role: 'OWNER',
    createdAt: now,
  });
  return organization;
}

/** An organization's general settings and seat use, as its members see them. */
export class OrganizationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanCatalog,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Every organization a person belongs to, oldest membership first, in one query; for an API
   * key, its own organization.
   */
  async listMine(anyCaller: Caller): Promise<OrganizationAccess[]> {
    const caller = requireKnownCaller(anyCaller);
    if (caller.kind === 'API_KEY') {
      return [await this.get(caller, caller.apiKey.organizationId)];
    }
    const memberships = await this.dataSource
      .getRepository(TeamMemberEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organization', 'o')
      .where('m.account_id = :accountId', { accountId: caller.account.id })
      .orderBy('m.id', 'ASC')
      .getMany();
    return memberships.flatMap((membership) =>
      membership.organization
        ? [{ organization: membership.organization, caller, membership, role: membership.role }]
        : [],
    );
  }

  get(caller: Caller, organizationId: string): Promise<OrganizationAccess> {
    return accessFor(this.dataSource, { caller, organizationId, operation: 'organization.view' });
  }

  /** Applies the sent fields, all at once (OWNER and ADMIN). */
  update(
    caller: Caller,
    organizationId: string,
    input: UpdateOrganizationInput,
  ): Promise<OrganizationAccess> {
    const patch = organizationPatch(input);
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'organization.update' },
      async (manager, access) => {
        const updatedAt = new Date();
        await manager.update(OrganizationEntity, { id: organizationId }, { ...patch, updatedAt });
        const organization = { ...access.organization, ...patch, updatedAt };
        const changedFields = (Object.keys(patch) as Array<keyof OrganizationPatch>).filter(
          (field) => patch[field] !== access.organization[field],
        );
        if (changedFields.length > 0) {
          await this.events.emit(manager, {
            type: 'organization.updated',
            caller,
            organizationId,
            data: {
              organization: snapshotOrganization(organization),
              previous: snapshotOrganization(access.organization),
              changedFields,
            },
          });
        }
        return { ...access, organization };
      },
    );
  }

  seatLimit(access: OrganizationAccess): number | null {
    return this.plans.seatLimit(access.organization.plan);
  }

  seatUsage(access: OrganizationAccess): Promise<SeatUsage> {
    return seatUsage(this.dataSource.manager, this.plans, access.organization);
  }
}

type OrganizationPatch = Partial<Pick<OrganizationEntity, 'name' | 'industry' | 'website'>>;

function organizationPatch(input: UpdateOrganizationInput): OrganizationPatch {
  const patch: OrganizationPatch = {};
  if (input.name === null) throw badUserInput({ name: 'ORGANIZATION_NAME_REQUIRED' });
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.industry !== undefined) patch.industry = input.industry;
  if (input.website !== undefined) patch.website = input.website?.trim() ?? null;
  return patch;
}
