import { Field, ID, ObjectType } from 'type-graphql';

/** One signed-in device, as its owner sees it. The token hash is never a field. */
@ObjectType('Session')
export class Session {
  @Field(() => ID)
  id: string;

  @Field({ description: 'True for the session making this request' })
  current: boolean;

  @Field()
  createdAt: Date;

  @Field()
  lastActiveAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  deviceType: string | null;

  @Field(() => String, { nullable: true })
  browser: string | null;

  @Field(() => String, { nullable: true })
  os: string | null;

  @Field(() => String, { nullable: true })
  ipAddress: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}
