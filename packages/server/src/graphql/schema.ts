import type { PubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { AtriumEvents } from '../events/event-bus';
import { authChecker } from './auth-checker';
import { ErrorExtensions } from './error-extensions.type';
import { guardStringArguments } from './input-layer';

/**
 * The executable schema; resolvers reach services through the context, subscriptions the bus.
 * Every string argument passes the input layer (input-layer.ts) before anything else sees it.
 */
export async function buildAtriumSchema(
  pubSub: PubSub<AtriumEvents>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: readonly Function[],
): Promise<GraphQLSchema> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const [first, ...rest] = resolvers as Function[];
  if (!first) throw new Error('no resolvers: the module registry is empty');
  const schema = await buildSchema({
    resolvers: [first, ...rest],
    authChecker,
    pubSub,
    orphanedTypes: [ErrorExtensions],
    validate: { forbidUnknownValues: false },
  });
  return guardStringArguments(schema);
}
