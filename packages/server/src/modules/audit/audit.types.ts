import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { JSONObjectScalar } from '../../graphql/json-object.scalar';
import type { AuditEventEntity } from './audit-event.entity';
import type { AuditPage } from './audit-log.service';
import {
  AUDIT_ACTOR_TYPES,
  AUDIT_EVENT_TYPES,
  AUDIT_TARGET_TYPES,
  type AuditActorType,
  type AuditEventType,
  type AuditTargetType,
  type Changes,
} from './audit-types';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const AuditEventTypeEnum = enumOf(AUDIT_EVENT_TYPES);
registerEnumType(AuditEventTypeEnum, {
  name: 'AuditEventType',
  description: 'What an audit entry records',
});

export const AuditActorTypeEnum = enumOf(AUDIT_ACTOR_TYPES);
registerEnumType(AuditActorTypeEnum, {
  name: 'AuditActorType',
  description: 'PERSON: a signed-in member; API_KEY: a tool; SYSTEM: Atrium itself',
});

export const AuditTargetTypeEnum = enumOf(AUDIT_TARGET_TYPES);
registerEnumType(AuditTargetTypeEnum, { name: 'AuditTargetType' });

@InputType({ description: 'Every part is optional; entries match all the parts given' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Entries this person made' })
  actorAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries this API key made' })
  apiKeyId?: string | null;

  @Field(() => [AuditEventTypeEnum], { nullable: true, description: 'Any of these types' })
  @ArrayMaxSize(AUDIT_EVENT_TYPES.length)
  types?: AuditEventType[] | null;

  @Field(() => Date, { nullable: true, description: 'At or after this time' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'At or before this time' })
  until?: Date | null;
}

@ObjectType('AuditEvent', {
  description:
    "An entry of an organization's audit log: append-only, and hash-chained to the one before",
})
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1, 2, 3… per organization, with no gaps until retention' })
  sequence: number;

  @Field(() => AuditEventTypeEnum)
  type: AuditEventType;

  @Field(() => AuditActorTypeEnum)
  actorType: AuditActorType;

  @Field(() => ID, {
    nullable: true,
    description: 'The person who acted (null for a key, the system, or once erased)',
  })
  actorAccountId: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key that acted' })
  apiKeyId: string | null;

  @Field(() => AuditTargetTypeEnum)
  targetType: AuditTargetType;

  @Field(() => ID, { nullable: true })
  targetId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What the target is called: a key's name, a domain, a member's name and address",
  })
  targetLabel: string | null;

  @Field(() => String, { nullable: true })
  ipAddress: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field()
  createdAt: Date;

  @Field(() => JSONObjectScalar, {
    description:
      'Changed fields, {"field": {"before": …, "after": …}}; secrets show as "[REDACTED]"',
  })
  changes: Changes;

  @Field({
    description:
      'The details naming people (actor, address, names in the change) were erased with an account',
  })
  detailsErased: boolean;

  @Field({ description: 'SHA-256 of this entry (see the API guide)' })
  hash: string;

  @Field({ description: 'The hash of the entry before it' })
  previousHash: string;

  /** The page's lookup of actor names; not part of the API. */
  actorNameOf: () => Promise<string | null>;
}

@ObjectType('AuditEventEdge')
export class AuditEventEdge {
  @Field(() => AuditEvent)
  node: AuditEvent;

  @Field()
  cursor: string;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

export function toAuditEvent(event: AuditEventEntity, page: AuditPage): AuditEvent {
  const details = event.details ?? null;
  const personal = details ? (JSON.parse(details.personalChanges) as Changes) : {};
  return {
    id: event.id,
    sequence: event.sequence,
    type: event.type,
    actorType: event.actorType,
    actorAccountId: details?.actorAccountId ?? null,
    apiKeyId: event.apiKeyId,
    targetType: event.targetType,
    targetId: event.targetId,
    targetLabel: event.targetLabel ?? details?.personalLabel ?? null,
    ipAddress: details?.ipAddress ?? null,
    userAgent: details?.userAgent ?? null,
    createdAt: event.createdAt,
    changes: { ...(JSON.parse(event.changes) as Changes), ...personal },
    detailsErased: details === null,
    hash: event.entryHash,
    previousHash: event.previousHash,
    actorNameOf: () => page.actorNameOf(event),
  };
}

export function toAuditConnection(page: AuditPage): AuditEventConnection {
  const edges = page.nodes.map((event) => ({
    node: toAuditEvent(event, page),
    cursor: page.cursorOf(event),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
