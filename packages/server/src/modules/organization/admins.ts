import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../account/account.entity';
import { TeamMemberEntity } from './team-member.entity';

/** Someone an organization's notices go to: an OWNER or ADMIN, in their language and zone. */
export interface OrganizationAdmin {
  email: string;
  fullName: string;
  locale: string;
  timezone: string;
}

/** The organization's OWNER and ADMINs whose accounts are not deactivated. */
export function organizationAdmins(
  manager: EntityManager,
  organizationId: string,
): Promise<OrganizationAdmin[]> {
  return manager
    .getRepository(AccountEntity)
    .createQueryBuilder('a')
    .innerJoin(TeamMemberEntity, 'm', 'm.account_id = a.id')
    .where('m.organization_id = :organizationId', { organizationId })
    .andWhere('m.role IN (:...roles)', { roles: ['OWNER', 'ADMIN'] })
    .andWhere('a.status <> :deactivated', { deactivated: 'DEACTIVATED' })
    .select(['a.email', 'a.fullName', 'a.locale', 'a.timezone'])
    .getMany();
}
