import { Field, ID, ObjectType } from 'type-graphql';
import type { OrganizationAccess } from './access';
import type { Role } from './team-member.entity';
import { RoleEnum } from './team-member.type';

/**
 * An organization as one of its members sees it. Members, invitations, domains and seats are
 * field resolvers that reuse the access checked when this object was loaded.
 */
@ObjectType('Organization', { description: 'A workspace; every account belongs to at least one' })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'One of `industries`' })
  industry: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field({ description: 'Plan code from the catalog, such as PROFESSIONAL' })
  plan: string;

  @Field(() => RoleEnum, {
    description: "The caller's role here (an API key acts as ADMIN, within its scopes)",
  })
  myRole: Role;

  @Field()
  createdAt: Date;

  /** The caller's membership, checked on this request; not part of the API. */
  access: OrganizationAccess;
}

export function toOrganization(access: OrganizationAccess): Organization {
  const { organization } = access;
  return {
    id: organization.id,
    name: organization.name,
    industry: organization.industry,
    website: organization.website,
    plan: organization.plan,
    myRole: access.role,
    createdAt: organization.createdAt,
    access,
  };
}
