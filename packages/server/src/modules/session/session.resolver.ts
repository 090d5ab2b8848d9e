import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import type { SessionEntity } from './session.entity';
import { Session } from './session.type';

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => Boolean)
  current(@Root() session: SessionEntity, @Ctx() ctx: AppContext): boolean {
    return ctx.auth?.session.id === session.id;
  }
}
