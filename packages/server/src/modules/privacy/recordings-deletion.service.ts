import type { DataSource } from 'typeorm';
import { requireApiKey, type Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import { fail } from '../../graphql/errors';
import { authorize, inOrganization, type OrganizationAccess } from '../organization/access';
import { RecordingsDeletionRequestEntity } from './recordings-deletion.entity';

/** Asking the services that hold an organization's call recordings to delete them. */
export class RecordingsDeletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** OWNER or ADMIN: recorded as PENDING and sent out as `recordings.deletion_requested`. */
  request(caller: Caller, organizationId: string): Promise<RecordingsDeletionRequestEntity> {
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'recordings.requestDeletion' },
      async (manager, access) => {
        const request = manager.create(RecordingsDeletionRequestEntity, {
          id: newId(),
          organizationId,
          requestedByAccountId: access.membership?.accountId ?? null,
          status: 'PENDING',
          requestedAt: new Date(),
          completedAt: null,
          completedByApiKeyId: null,
        });
        await manager.insert(RecordingsDeletionRequestEntity, request);
        await this.events.emit(manager, {
          type: 'recordings.deletion_requested',
          caller,
          accountId: access.membership?.accountId ?? null,
          organizationId,
          data: { request },
        });
        return request;
      },
    );
  }

  /** API keys only (the service that held them): marks the request done; again is a no-op. */
  async complete(anyCaller: Caller, id: string): Promise<RecordingsDeletionRequestEntity> {
    // People never confirm it, members or not: API_KEY_REQUIRED before anything is looked up.
    const caller = requireApiKey(anyCaller);
    const found = await this.dataSource
      .getRepository(RecordingsDeletionRequestEntity)
      .findOne({ where: { id }, select: { id: true, organizationId: true } });
    if (!found) throw fail('RECORDINGS_DELETION_NOT_FOUND');
    return inOrganization(
      this.dataSource,
      {
        caller,
        organizationId: found.organizationId,
        operation: 'recordings.completeDeletion',
        missing: 'RECORDINGS_DELETION_NOT_FOUND',
      },
      async (manager) => {
        const request = await manager.findOneByOrFail(RecordingsDeletionRequestEntity, { id });
        if (request.status === 'COMPLETED') return request;
        Object.assign(request, {
          status: 'COMPLETED' as const,
          completedAt: new Date(),
          completedByApiKeyId: caller.apiKey.id,
        });
        await manager.save(RecordingsDeletionRequestEntity, request);
        await this.events.emit(manager, {
          type: 'recordings.deletion_completed',
          caller,
          organizationId: request.organizationId,
          data: { request },
        });
        return request;
      },
    );
  }

  /** The organization's requests, newest first (OWNER and ADMIN). */
  async list(access: OrganizationAccess): Promise<RecordingsDeletionRequestEntity[]> {
    authorize(access, 'recordings.requestDeletion');
    return this.dataSource.getRepository(RecordingsDeletionRequestEntity).find({
      where: { organizationId: access.organization.id },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: 50,
    });
  }
}
