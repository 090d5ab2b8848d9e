import type { PubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../modules/account/account.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { CredentialsResolver } from '../modules/account/credentials.resolver';
import { PasswordResolver } from '../modules/auth/password.resolver';
import { SessionResolver } from '../modules/session/session.resolver';
import { MfaResolver } from '../modules/mfa/mfa.resolver';
import { SecurityEventResolver } from '../modules/security-events/security-event.resolver';
import { DomainResolver } from '../modules/domain/domain.resolver';
import { InvitationResolver } from '../modules/invitation/invitation.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { TeamResolver } from '../modules/organization/team.resolver';
import type { AtriumEvents } from '../events/event-bus';
import { authChecker } from './auth-checker';
import { ErrorExtensions } from './error-extensions.type';
import { guardStringArguments } from './input-layer';

export const resolvers = [
  AccountResolver,
  AuthResolver,
  CredentialsResolver,
  PasswordResolver,
  SessionResolver,
  MfaResolver,
  SecurityEventResolver,
  OrganizationResolver,
  TeamResolver,
  InvitationResolver,
  DomainResolver,
] as const;

/**
 * The executable schema; resolvers reach services through the context, subscriptions the bus.
 * Every string argument passes the input layer (input-layer.ts) before anything else sees it.
 */
export async function buildAtriumSchema(pubSub: PubSub<AtriumEvents>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker,
    pubSub,
    orphanedTypes: [ErrorExtensions],
    validate: { forbidUnknownValues: false },
  });
  return guardStringArguments(schema);
}
