import type { EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import type { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from './organization.entity';
import { TeamMemberEntity } from './team-member.entity';

/** Every account starts with a workspace of its own, which it owns (SPEC §2). */
export async function createOwnOrganization(
  manager: EntityManager,
  owner: AccountEntity,
): Promise<OrganizationEntity> {
  const now = new Date();
  const organization = manager.create(OrganizationEntity, {
    id: newId(),
    name: owner.fullName.slice(0, 100),
    industry: null,
    website: null,
    plan: 'PROFESSIONAL',
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
