import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DataExportStatusEnum {
  PENDING = 'PENDING',
  READY = 'READY',
  EXPIRED = 'EXPIRED',
  FAILED = 'FAILED',
}
registerEnumType(DataExportStatusEnum, { name: 'DataExportStatus' });

export enum AccountStatusEnum {
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
  PENDING_DELETION = 'PENDING_DELETION',
}
registerEnumType(AccountStatusEnum, { name: 'AccountStatus' });

export enum RecordingsDeletionStatusEnum {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
}
registerEnumType(RecordingsDeletionStatusEnum, { name: 'RecordingsDeletionStatus' });

@ObjectType('DataExport', { description: 'An archive of everything Atrium holds about me' })
export class DataExport {
  @Field(() => ID)
  id: string;

  @Field(() => DataExportStatusEnum)
  status: DataExportStatusEnum;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Until when it can be downloaded' })
  expiresAt: Date | null;

  @Field(() => Int, { nullable: true })
  sizeBytes: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'GET it signed in as the account that asked for it (READY only)',
  })
  downloadUrl: string | null;
}

@ObjectType('RecordingsDeletionRequest', {
  description: "A request that the services holding an organization's call recordings delete them",
})
export class RecordingsDeletionRequest {
  @Field(() => ID)
  id: string;

  @Field(() => RecordingsDeletionStatusEnum)
  status: RecordingsDeletionStatusEnum;

  @Field()
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;
}
