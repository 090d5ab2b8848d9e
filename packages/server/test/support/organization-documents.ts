import type { Role } from '../../src/modules/organization/team-member.entity';
import { typed } from './graphql';

export interface OrganizationFields {
  id: string;
  name: string;
  industry: string | null;
  website: string | null;
  plan: string;
  myRole: Role;
  seatLimit: number | null;
  seatsUsed: number;
}

export interface MemberFields {
  id: string;
  role: Role;
  joinedAt: string;
  account: { id: string; fullName: string; email: string };
}

export interface InvitationFields {
  id: string;
  email: string;
  role: Role;
  status: 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';
  expiresAt: string;
}

export interface DomainFields {
  id: string;
  domain: string;
  verificationRecord: { type: string; name: string; value: string };
  verifiedAt: string | null;
}

const ORGANIZATION = 'id name industry website plan myRole seatLimit seatsUsed';
const MEMBER = 'id role joinedAt account { id fullName email }';
const INVITATION = 'id email role status expiresAt';
const DOMAIN = 'id domain verificationRecord { type name value } verifiedAt';

export const MyOrganizations = typed<{ myOrganizations: OrganizationFields[] }>(
  `query MyOrganizations { myOrganizations { ${ORGANIZATION} } }`,
);

export const OrganizationById = typed<
  {
    organization:
      (OrganizationFields & { invitations: InvitationFields[]; domains: DomainFields[] }) | null;
  },
  { id: string }
>(
  `query Organization($id: ID!) { organization(id: $id) { ${ORGANIZATION} invitations { ${INVITATION} } domains { ${DOMAIN} } } }`,
);

export interface MembersPage {
  organization: {
    members: {
      edges: Array<{ cursor: string; node: MemberFields }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

export const OrganizationMembers = typed<
  MembersPage,
  { id: string; first?: number; after?: string | null }
>(
  `query OrganizationMembers($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      members(first: $first, after: $after) {
        edges { cursor node { ${MEMBER} } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
);

export const OrganizationInvitations = typed<
  { organization: { invitations: InvitationFields[] } | null },
  { id: string }
>(
  `query OrganizationInvitations($id: ID!) { organization(id: $id) { invitations { ${INVITATION} } } }`,
);

export const OrganizationDomains = typed<
  { organization: { domains: DomainFields[] } | null },
  { id: string }
>(`query OrganizationDomains($id: ID!) { organization(id: $id) { domains { ${DOMAIN} } } }`);

export const OrganizationSeats = typed<
  { organization: { seatLimit: number | null; seatsUsed: number } | null },
  { id: string }
>(`query OrganizationSeats($id: ID!) { organization(id: $id) { seatLimit seatsUsed } }`);

export interface UpdateOrganizationVariables extends Record<string, unknown> {
  id: string;
  input: { name?: string | null; industry?: string | null; website?: string | null };
}

export const UpdateOrganization = typed<
  { updateOrganization: OrganizationFields },
  UpdateOrganizationVariables
>(
  `mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { ${ORGANIZATION} } }`,
);

export const InviteTeamMember = typed<
  { inviteTeamMember: InvitationFields },
  { input: { organizationId: string; email: string; role: Role } }
>(
  `mutation InviteTeamMember($input: InviteTeamMemberInput!) { inviteTeamMember(input: $input) { ${INVITATION} } }`,
);

export const ResendInvitation = typed<{ resendInvitation: InvitationFields }, { id: string }>(
  `mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { ${INVITATION} } }`,
);

export const RevokeInvitation = typed<{ revokeInvitation: InvitationFields }, { id: string }>(
  `mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { ${INVITATION} } }`,
);

export const AcceptInvitation = typed<{ acceptInvitation: MemberFields }, { token: string }>(
  `mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { ${MEMBER} } }`,
);

export const InvitationByToken = typed<
  {
    invitationByToken: {
      organizationName: string;
      invitedByName: string | null;
      email: string;
      role: Role;
      status: string;
    } | null;
  },
  { token: string }
>(
  `query InvitationByToken($token: String!) { invitationByToken(token: $token) { organizationName invitedByName email role status } }`,
);

export const ChangeMemberRole = typed<
  { changeMemberRole: MemberFields },
  { input: { memberId: string; role: Role } }
>(
  `mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { ${MEMBER} } }`,
);

export const RemoveTeamMember = typed<{ removeTeamMember: boolean }, { memberId: string }>(
  `mutation RemoveTeamMember($memberId: ID!) { removeTeamMember(memberId: $memberId) }`,
);

export const LeaveOrganization = typed<{ leaveOrganization: boolean }, { organizationId: string }>(
  `mutation LeaveOrganization($organizationId: ID!) { leaveOrganization(organizationId: $organizationId) }`,
);

export const TransferOwnership = typed<{ transferOwnership: MemberFields }, { memberId: string }>(
  `mutation TransferOwnership($memberId: ID!) { transferOwnership(memberId: $memberId) { ${MEMBER} } }`,
);

export const AddDomain = typed<
  { addDomain: DomainFields },
  { organizationId: string; domain: string }
>(
  `mutation AddDomain($organizationId: ID!, $domain: String!) { addDomain(organizationId: $organizationId, domain: $domain) { ${DOMAIN} } }`,
);

export const VerifyDomain = typed<{ verifyDomain: DomainFields }, { id: string }>(
  `mutation VerifyDomain($id: ID!) { verifyDomain(id: $id) { ${DOMAIN} } }`,
);

export const RemoveDomain = typed<{ removeDomain: boolean }, { id: string }>(
  `mutation RemoveDomain($id: ID!) { removeDomain(id: $id) }`,
);
