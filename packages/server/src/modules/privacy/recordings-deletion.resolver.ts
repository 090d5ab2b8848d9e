import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { Organization } from '../organization/organization.type';
import { RecordingsDeletionRequest } from './privacy.types';
import { toRecordingsDeletion } from './privacy.resolver';

@Resolver(() => Organization)
export class RecordingsDeletionResolver {
  @FieldResolver(() => [RecordingsDeletionRequest], {
    description: 'Requests to delete call recordings, newest first (OWNER and ADMIN)',
  })
  async recordingsDeletionRequests(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
  ): Promise<RecordingsDeletionRequest[]> {
    return (await ctx.services.recordingsDeletions.list(organization.access)).map(
      toRecordingsDeletion,
    );
  }

  @Authorized()
  @Mutation(() => RecordingsDeletionRequest, {
    description: "Asks the services holding the organization's call recordings to delete them",
  })
  async requestRecordingsDeletion(
    @Arg('organizationId', () => ID) organizationId: string,
    @Ctx() ctx: AppContext,
  ): Promise<RecordingsDeletionRequest> {
    return toRecordingsDeletion(
      await ctx.services.recordingsDeletions.request(ctx.caller, organizationId),
    );
  }

  @Authorized()
  @Mutation(() => RecordingsDeletionRequest, {
    description: 'API keys only (EVENTS_PUBLISH): the service confirms it deleted the recordings',
  })
  async completeRecordingsDeletion(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<RecordingsDeletionRequest> {
    return toRecordingsDeletion(await ctx.services.recordingsDeletions.complete(ctx.caller, id));
  }
}
