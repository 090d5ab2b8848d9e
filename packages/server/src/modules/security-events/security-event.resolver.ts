import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { encodeCursor, pageRequest } from '../../graphql/connection';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import { SecurityEventConnection } from './security-event.type';

@Resolver()
export class SecurityEventResolver {
  @Authorized()
  @Query(() => SecurityEventConnection, { description: 'My security timeline, newest first' })
  async mySecurityEvents(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<SecurityEventConnection> {
    const request = pageRequest(first, after);
    const page = await ctx.services.securityEvents.page(
      requirePerson(ctx.caller).account.id,
      request.first,
      request.afterKey,
    );
    const edges = page.events.map((event) => ({ cursor: encodeCursor(event.id), node: event }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
