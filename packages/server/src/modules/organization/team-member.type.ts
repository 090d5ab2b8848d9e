import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo, type Page } from '../../graphql/connection';
import type { Role, TeamMemberEntity } from './team-member.entity';

export const RoleEnum = {
  OWNER: 'OWNER',
  ADMIN: 'ADMIN',
  MANAGER: 'MANAGER',
  MEMBER: 'MEMBER',
  VIEWER: 'VIEWER',
} as const satisfies Record<Role, Role>;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'A member role in an organization, from most to least rights',
});

/** What teammates see of each other's account: no phone, no security settings. */
@ObjectType('TeamMemberAccount')
export class TeamMemberAccount {
  @Field(() => ID)
  id: string;

  @Field()
  fullName: string;

  @Field()
  email: string;
}

@ObjectType('TeamMember', { description: "An account's membership in an organization" })
export class TeamMember {
  @Field(() => ID)
  id: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field()
  joinedAt: Date;

  @Field(() => TeamMemberAccount)
  account: TeamMemberAccount;
}

@ObjectType('TeamMemberEdge')
export class TeamMemberEdge {
  @Field()
  cursor: string;

  @Field(() => TeamMember)
  node: TeamMember;
}

@ObjectType('TeamMemberConnection')
export class TeamMemberConnection {
  @Field(() => [TeamMemberEdge])
  edges: TeamMemberEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

/** A membership loaded with its account (`relations: { account: true }` or a join). */
export function toTeamMember(member: TeamMemberEntity): TeamMember {
  if (!member.account) throw new Error(`member ${member.id} was loaded without its account`);
  return {
    id: member.id,
    role: member.role,
    joinedAt: member.createdAt,
    account: {
      id: member.account.id,
      fullName: member.account.fullName,
      email: member.account.email,
    },
  };
}

export function toMemberConnection(
  page: Page<TeamMemberEntity>,
  cursorOf: (member: TeamMemberEntity) => string,
): TeamMemberConnection {
  const edges = page.nodes.map((member) => ({
    cursor: cursorOf(member),
    node: toTeamMember(member),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
