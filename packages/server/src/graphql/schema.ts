import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../modules/account/account.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { SessionResolver } from '../modules/session/session.resolver';
import { authChecker } from './auth-checker';

export const resolvers = [AccountResolver, AuthResolver, SessionResolver] as const;

/** The executable schema; resolvers reach services through the context, so it is stateless. */
export function buildAtriumSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
}
