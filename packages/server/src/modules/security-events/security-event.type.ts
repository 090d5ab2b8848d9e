import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { SECURITY_EVENT_TYPES } from './security-event.entity';

export const SecurityEventTypeEnum = Object.fromEntries(
  SECURITY_EVENT_TYPES.map((type) => [type, type]),
) as {
  [K in (typeof SECURITY_EVENT_TYPES)[number]]: K;
};
registerEnumType(SecurityEventTypeEnum, { name: 'SecurityEventType' });

@ObjectType('SecurityEvent', { description: 'A line of my security timeline' })
export class SecurityEvent {
  @Field(() => ID)
  id: string;

  @Field(() => SecurityEventTypeEnum)
  type: string;

  @Field()
  createdAt: Date;

  @Field(() => String, { nullable: true })
  ipAddress: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Browser · OS of the device it was done from',
  })
  device: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SESSION_REVOKED: Browser · OS of the device that was signed out',
  })
  targetDevice: string | null;

  @Field({ description: 'A sign-in from a device not seen on this account before' })
  newDevice: boolean;
}

@ObjectType('SecurityEventEdge')
export class SecurityEventEdge {
  @Field()
  cursor: string;

  @Field(() => SecurityEvent)
  node: SecurityEvent;
}

@ObjectType('SecurityEventConnection')
export class SecurityEventConnection {
  @Field(() => [SecurityEventEdge])
  edges: SecurityEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
