import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { pageRequest } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { Organization } from '../organization/organization.type';
import {
  AuditEvent,
  AuditEventConnection,
  AuditEventFilter,
  toAuditConnection,
} from './audit.types';

@Resolver(() => Organization)
export class OrganizationAuditResolver {
  @FieldResolver(() => AuditEventConnection, {
    description: 'The audit log, newest first (OWNER and ADMIN, or a key with AUDIT_READ)',
  })
  async auditEvents(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, description: '1–100, default 20' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<AuditEventConnection> {
    const page = await ctx.services.auditLog.page(
      organization.access,
      filter ?? {},
      pageRequest(first, after),
    );
    return toAuditConnection(page);
  }
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The actor's name now: a person's, or a key's with its prefix",
  })
  actorName(@Root() event: AuditEvent): Promise<string | null> {
    return event.actorNameOf();
  }
}
