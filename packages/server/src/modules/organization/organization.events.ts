import type { AccountEntity } from '../account/account.entity';
import type { OrganizationEntity } from './organization.entity';
import type { Role, TeamMemberEntity } from './team-member.entity';

/** An organization's general settings as events carry them. */
export interface OrganizationSnapshot {
  id: string;
  name: string;
  industry: string | null;
  website: string | null;
}

/** A member as events carry them: the membership and who holds it. */
export interface MemberSnapshot {
  id: string;
  accountId: string;
  role: Role;
  fullName: string | null;
  email: string | null;
}

export function snapshotOrganization(organization: OrganizationEntity): OrganizationSnapshot {
  const { id, name, industry, website } = organization;
  return { id, name, industry, website };
}

export function snapshotMember(
  member: Pick<TeamMemberEntity, 'id' | 'accountId' | 'role'>,
  account?: Pick<AccountEntity, 'fullName' | 'email'> | null,
): MemberSnapshot {
  return {
    id: member.id,
    accountId: member.accountId,
    role: member.role,
    fullName: account?.fullName ?? null,
    email: account?.email ?? null,
  };
}

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /**
     * General settings changed; `changedFields` names those whose value is new, `previous` holds
     * the values before.
     */
    'organization.updated': {
      organization: OrganizationSnapshot;
      previous: OrganizationSnapshot;
      changedFields: string[];
    };
    /** Someone joined through an invitation. */
    'member.joined': { member: MemberSnapshot };
    /** A member's role changed (by a change of role, or a transfer of ownership). */
    'member.role_changed': { member: MemberSnapshot; previousRole: Role };
    /** A member was removed, or left. */
    'member.removed': { member: MemberSnapshot; left: boolean };
  }
}
