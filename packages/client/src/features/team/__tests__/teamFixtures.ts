import {
  OrganizationTeamDocument,
  type InvitationFieldsFragment,
  type Role,
  type TeamMemberFieldsFragment,
} from '../../../generated/graphql';
import { MEMBERS_PAGE_SIZE } from '../TeamPage';

export const ORG_ID = 'org_1';

export function aMember(
  id: string,
  fullName: string,
  role: Role,
  accountId = `acc_${id}`,
): TeamMemberFieldsFragment {
  const email = `${fullName.split(' ')[0].toLowerCase()}@example.com`;
  return {
    __typename: 'TeamMember',
    id,
    role,
    joinedAt: '2025-03-10T14:05:00.000Z',
    account: { __typename: 'TeamMemberAccount', id: accountId, fullName, email },
  };
}

export function anInvitation(id: string, email: string, role: Role): InvitationFieldsFragment {
  return {
    __typename: 'Invitation',
    id,
    email,
    role,
    status: 'PENDING',
    createdAt: '2025-03-10T14:05:00.000Z',
    expiresAt: '2025-03-17T14:05:00.000Z',
  };
}

interface TeamOptions {
  organizationId?: string;
  myRole: Role;
  members: TeamMemberFieldsFragment[];
  invitations?: InvitationFieldsFragment[];
  seatLimit?: number | null;
  after?: string;
  hasNextPage?: boolean;
}

/** The Team page's query (for ORG_ID unless told), answered with one page of members. */
export function teamMock({
  organizationId = ORG_ID,
  myRole,
  members,
  invitations = [],
  seatLimit = 3,
  after,
  hasNextPage = false,
}: TeamOptions) {
  return {
    request: {
      query: OrganizationTeamDocument,
      variables: { id: organizationId, first: MEMBERS_PAGE_SIZE, ...(after ? { after } : {}) },
    },
    result: {
      data: {
        organization: {
          __typename: 'Organization' as const,
          id: organizationId,
          name: 'Acme',
          myRole,
          plan: 'PROFESSIONAL',
          seatLimit,
          seatsUsed: members.length + invitations.length,
          invitations,
          members: {
            __typename: 'TeamMemberConnection' as const,
            edges: members.map((node) => ({
              __typename: 'TeamMemberEdge' as const,
              cursor: `cursor_${node.id}`,
              node,
            })),
            pageInfo: {
              __typename: 'PageInfo' as const,
              endCursor: members.length ? `cursor_${members[members.length - 1].id}` : null,
              hasNextPage,
            },
          },
        },
      },
    },
  };
}
