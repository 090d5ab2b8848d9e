import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../graphql/errors';
import { requireAuth, type AppContext } from '../../graphql/context';
import { MAX_PAGE_SIZE, SecurityEventConnection } from './security-event.type';

@Resolver()
export class SecurityEventResolver {
  @Authorized()
  @Query(() => SecurityEventConnection, { description: 'My security timeline, newest first' })
  async mySecurityEvents(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<SecurityEventConnection> {
    if (first < 1 || first > MAX_PAGE_SIZE)
      throw badUserInput({ first: `Ask for 1 to ${MAX_PAGE_SIZE} events` });
    const afterId = after ? Buffer.from(after, 'base64url').toString('utf8') : null;
    const page = await ctx.services.securityEvents.page(
      requireAuth(ctx).account.id,
      first,
      afterId,
    );
    const edges = page.events.map((event) => ({
      cursor: Buffer.from(event.id).toString('base64url'),
      node: event,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
