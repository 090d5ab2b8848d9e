import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type {
  SessionEventMessage,
  SessionEventType,
  SessionSnapshot,
} from '../../events/event-bus';
import { SessionEntity } from './session.entity';
import { Session } from './session.type';

export const SessionEventTypeEnum = { CREATED: 'CREATED', REVOKED: 'REVOKED' } as const;
registerEnumType(SessionEventTypeEnum, {
  name: 'SessionEventType',
  description: 'What happened to one of my sessions',
});

@ObjectType('SessionEvent')
export class SessionEvent {
  @Field(() => SessionEventTypeEnum)
  type: SessionEventType;

  @Field(() => Session)
  session: SessionEntity;
}

export function snapshotSession(session: SessionEntity): SessionSnapshot {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastActiveAt: session.lastActiveAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    deviceType: session.deviceType,
    browser: session.browser,
    os: session.os,
    ipAddress: session.ipAddress,
    location: session.location,
    revokedAt: session.revokedAt?.toISOString() ?? null,
  };
}

/** The event as the subscriber's GraphQL types expect it (dates revived). */
export function toSessionEvent(message: SessionEventMessage): SessionEvent {
  const { session } = message;
  const entity = Object.assign(new SessionEntity(), {
    ...session,
    accountId: message.accountId,
    createdAt: new Date(session.createdAt),
    lastActiveAt: new Date(session.lastActiveAt),
    expiresAt: new Date(session.expiresAt),
    revokedAt: session.revokedAt ? new Date(session.revokedAt) : null,
  });
  return { type: message.type, session: entity };
}
