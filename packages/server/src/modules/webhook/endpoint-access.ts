import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../caller/caller';
import { fail } from '../../graphql/errors';
import { inOrganization, type OrganizationAccess } from '../organization/access';
import type { OrganizationOperation } from '../organization/policy';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

/**
 * Runs `work` on an endpoint under its organization's lock, as a caller allowed `operation`;
 * to anyone else (a key of another organization too) the endpoint is NOT_FOUND.
 */
export async function onEndpoint<T>(
  dataSource: DataSource,
  caller: Caller,
  endpointId: string,
  operation: OrganizationOperation,
  work: (
    manager: EntityManager,
    endpoint: WebhookEndpointEntity,
    access: OrganizationAccess,
  ) => Promise<T>,
): Promise<T> {
  const found = await dataSource
    .getRepository(WebhookEndpointEntity)
    .findOne({ where: { id: endpointId }, select: { id: true, organizationId: true } });
  if (!found) throw fail('WEBHOOK_ENDPOINT_NOT_FOUND');
  return inOrganization(
    dataSource,
    {
      caller,
      organizationId: found.organizationId,
      operation,
      missing: 'WEBHOOK_ENDPOINT_NOT_FOUND',
    },
    async (manager, access) => {
      const endpoint = await manager.findOneBy(WebhookEndpointEntity, { id: endpointId });
      if (!endpoint) throw fail('WEBHOOK_ENDPOINT_NOT_FOUND');
      return work(manager, endpoint, access);
    },
  );
}
