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
} from 'type-graphql';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import type { AccountEntity } from '../account/account.entity';
import { Account } from '../account/account.type';
import type { DataExportEntity } from './data-export.entity';
import {
  AccountStatusEnum,
  DataExport,
  DataExportStatusEnum,
  RecordingsDeletionRequest,
  RecordingsDeletionStatusEnum,
} from './privacy.types';
import type { RecordingsDeletionRequestEntity } from './recordings-deletion.entity';

function toDataExport(ctx: AppContext, entity: DataExportEntity): DataExport {
  return {
    id: entity.id,
    status: entity.status as DataExportStatusEnum,
    createdAt: entity.createdAt,
    expiresAt: entity.expiresAt,
    sizeBytes: entity.sizeBytes,
    downloadUrl: ctx.services.dataExports.downloadUrl(entity),
  };
}

export function toRecordingsDeletion(
  entity: RecordingsDeletionRequestEntity,
): RecordingsDeletionRequest {
  return {
    id: entity.id,
    status: entity.status as RecordingsDeletionStatusEnum,
    requestedAt: entity.requestedAt,
    completedAt: entity.completedAt,
  };
}

/** Export my data, deactivate or delete my account (see AccountLifecycleService). */
@Resolver(() => Account)
export class PrivacyResolver {
  @FieldResolver(() => AccountStatusEnum)
  status(@Root() account: AccountEntity): AccountStatusEnum {
    return account.status as AccountStatusEnum;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the account is erased, while its deletion is scheduled',
  })
  deletionScheduledFor(@Root() account: AccountEntity): Date | null {
    return account.deletionScheduledFor;
  }

  @Query(() => Int, {
    description: 'Days between scheduling an account deletion and its erasure (0: at once)',
  })
  accountDeletionGraceDays(@Ctx() ctx: AppContext): number {
    return ctx.services.accountLifecycle.graceDays;
  }

  @Authorized()
  @Query(() => [DataExport], { description: 'My data exports, newest first' })
  async myDataExports(@Ctx() ctx: AppContext): Promise<DataExport[]> {
    const person = requirePerson(ctx.caller);
    const exports = await ctx.services.dataExports.listMine(person.account.id);
    return exports.map((entity) => toDataExport(ctx, entity));
  }

  @Authorized()
  @Mutation(() => DataExport, {
    description: 'Starts an archive of all my data (sudo mode; one at a time); mailed when ready',
  })
  async requestDataExport(@Ctx() ctx: AppContext): Promise<DataExport> {
    return toDataExport(ctx, await ctx.services.dataExports.request(requirePerson(ctx.caller)));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes one of my exports before it expires' })
  deleteDataExport(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.dataExports.deleteOwn(requirePerson(ctx.caller), id);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Signs out everywhere and refuses sign-in until a mailed link reactivates (sudo mode)',
  })
  deactivateAccount(@Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.accountLifecycle.deactivate(requirePerson(ctx.caller));
  }

  @Mutation(() => Boolean, {
    description: 'Reactivates a deactivated account with the mailed link',
  })
  reactivateAccount(@Arg('token') token: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.accountLifecycle.reactivate(token, ctx.caller);
  }

  @Authorized()
  @Mutation(() => Account, {
    description:
      'Schedules the erasure of my account after the grace period and signs out everywhere (sudo mode)',
  })
  scheduleAccountDeletion(@Ctx() ctx: AppContext): Promise<AccountEntity> {
    return ctx.services.accountLifecycle.scheduleDeletion(requirePerson(ctx.caller));
  }

  @Authorized()
  @Mutation(() => Account, { description: 'Keeps my account: cancels its scheduled deletion' })
  cancelAccountDeletion(@Ctx() ctx: AppContext): Promise<AccountEntity> {
    return ctx.services.accountLifecycle.cancelDeletion(requirePerson(ctx.caller));
  }
}
