import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { AUTH_METHODS, SECURITY_EVENT_TYPES } from './security-event.entity';

export const SecurityEventTypeEnum = Object.fromEntries(
  SECURITY_EVENT_TYPES.map((type) => [type, type]),
) as {
  [K in (typeof SECURITY_EVENT_TYPES)[number]]: K;
};
registerEnumType(SecurityEventTypeEnum, { name: 'SecurityEventType' });

export const AuthMethodEnum = Object.fromEntries(AUTH_METHODS.map((m) => [m, m])) as {
  [K in (typeof AUTH_METHODS)[number]]: K;
};
registerEnumType(AuthMethodEnum, {
  name: 'AuthMethod',
  description: 'How a person proved who they are, or which second factor a change was about',
});

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
    description:
      'What it was done to: the device signed out (SESSION_REVOKED, as Browser · OS), the passkey added or removed (its name)',
  })
  targetDevice: string | null;

  @Field(() => AuthMethodEnum, {
    nullable: true,
    description:
      'SIGN_IN and SIGN_IN_FAILED: how (PASSWORD, PASSKEY, or the second factor: TOTP, SMS, BACKUP_CODE); MFA_*: which method',
  })
  method: string | null;

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
