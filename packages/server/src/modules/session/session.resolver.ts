import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { SessionEventMessage } from '../../events/event-bus';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import { clearSessionCookie } from '../../http/cookies';
import { SessionEvent, toSessionEvent } from './session-event.type';
import type { SessionEntity } from './session.entity';
import { Session } from './session.type';

@Resolver(() => Session)
export class SessionResolver {
  @Authorized()
  @Query(() => [Session], { description: 'My signed-in devices; the one asking is `current`' })
  mySessions(@Ctx() ctx: AppContext): Promise<SessionEntity[]> {
    return ctx.services.sessions.listLive(requirePerson(ctx.caller).account.id);
  }

  @Authorized()
  @Mutation(() => Session, { description: 'Signs one of my devices out' })
  async revokeSession(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<SessionEntity> {
    const auth = requirePerson(ctx.caller);
    const session = await ctx.services.sessions.revokeOwn(auth, id);
    if (session.id === auth.session.id)
      ctx.cookies.set(clearSessionCookie(ctx.services.cookiePolicy));
    return session;
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Signs out every device but this one; returns how many' })
  revokeOtherSessions(@Ctx() ctx: AppContext): Promise<number> {
    return ctx.services.sessions.revokeOthers(requirePerson(ctx.caller));
  }

  @Authorized()
  @Subscription(() => SessionEvent, {
    description: 'A session of mine was created or revoked, on any instance',
    topics: 'SESSION_EVENT',
    topicId: ({ context }) => requirePerson((context as AppContext).caller).account.id,
  })
  sessionEvents(@Root() message: SessionEventMessage, @Ctx() ctx: AppContext): SessionEvent {
    const event = toSessionEvent(message);
    // The connection's own session was revoked: deliver this event, then close with 4403.
    if (event.type === 'REVOKED' && event.session.id === sessionIdOf(ctx)) {
      ctx.connection?.closeAfterDelivery();
    }
    return event;
  }

  @FieldResolver(() => Boolean)
  current(@Root() session: SessionEntity, @Ctx() ctx: AppContext): boolean {
    return sessionIdOf(ctx) === session.id;
  }
}

function sessionIdOf(ctx: AppContext): string | null {
  return ctx.caller.kind === 'PERSON' ? ctx.caller.session.id : null;
}
