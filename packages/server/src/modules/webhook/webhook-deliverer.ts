import { IsNull, QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { anonymous } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import { defineJob, exponentialBackoff, type JobDefinition } from '../../jobs/define-job';
import type { JobQueue } from '../../jobs/job-queue';
import { lockOrganization } from '../organization/access';
import { organizationAdmins } from '../organization/admins';
import { OrganizationEntity } from '../organization/organization.entity';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { webhookBody } from './webhook-body';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { deliverPayload, withJitter, type DeliverPayload } from './webhook-dispatcher';
import type { WebhookDisabledReason, WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointEntity as Endpoint } from './webhook-endpoint.entity';
import type { WebhookSecrets } from './webhook-secrets';
import type { SendOutcome, WebhookSender } from './webhook-sender';
import { signatureHeader } from './webhook-signing';
import { snapshotEndpoint } from './webhook.events';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Failing this long without a success: the admins are warned. */
export const WARN_AFTER_MS = DAY_MS;
/** Failing this long without a success: the endpoint is turned off. */
export const DISABLE_AFTER_MS = 5 * DAY_MS;
const RECORD_TRIES = 3;

const SYSTEM = anonymous({ ip: null, userAgent: null });

/**
 * Makes delivery attempts. Each is a `webhook.deliver` job: it signs and posts the event, then
 * records in one transaction the attempt, the delivery's new state, the next attempt's job (per
 * the retry schedule, or a 429/503's Retry-After) and the endpoint's health. A process killed
 * between the post and that commit makes the job run again after its lease: the receiver may
 * get the same `webhook-id` twice, never an event lost.
 */
export class WebhookDeliverer {
  readonly job: JobDefinition<DeliverPayload>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly secrets: WebhookSecrets,
    private readonly events: DomainEvents,
    private readonly sender: WebhookSender,
    private readonly scheduleMs: readonly number[],
    private readonly webhooksPageUrl: (organizationId: string) => string,
  ) {
    this.job = defineJob({
      kind: 'webhook.deliver',
      payload: deliverPayload,
      handler: (payload, { signal }) => this.attempt(payload, signal),
      concurrency: 16,
      // Runs that failed without recording (the database away): the attempt itself is recorded.
      maxAttempts: 10,
      backoff: exponentialBackoff(1000, 60_000),
      // Renewed while the post runs (15 s at most); a dead instance's attempt resumes within 10 s.
      leaseMs: 10_000,
    });
  }

  /** Closes the connections kept open to receivers. */
  close(): void {
    this.sender.close();
  }

  async attempt({ deliveryId, step }: DeliverPayload, signal: AbortSignal): Promise<void> {
    const delivery = await this.dataSource.getRepository(WebhookDeliveryEntity).findOne({
      where: { id: deliveryId },
      relations: { endpoint: true, event: true },
    });
    const { endpoint, event } = delivery ?? {};
    // Deleted with its endpoint, done already, or a schedule step another run recorded.
    if (!delivery || !endpoint || !event || delivery.status !== 'PENDING') return;
    if (step !== null && delivery.scheduledAttempts !== step) return;
    if (!endpoint.enabled && event.source !== 'TEST') {
      await this.dataSource
        .getRepository(WebhookDeliveryEntity)
        .update({ id: delivery.id, status: 'PENDING' }, { status: 'FAILED', nextAttemptAt: null });
      return;
    }
    const startedAt = new Date();
    const body = webhookBody(event, delivery.sequence);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Atrium-Webhooks/1.0',
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(startedAt.getTime() / 1000)),
      'webhook-signature': signatureHeader(
        this.secrets.signingSecrets(endpoint, startedAt),
        event.id,
        startedAt,
        body,
      ),
    };
    const outcome = await this.sender.post(endpoint.url, headers, body, signal);
    // Stopping: the job is handed back and this attempt made again, not recorded as failed.
    if (signal.aborted && outcome.status === null) throw new Error('stopped before an answer');
    await this.record({ delivery, endpoint, step, startedAt, headers, outcome });
  }

  private async record(attempt: {
    delivery: WebhookDeliveryEntity;
    endpoint: WebhookEndpointEntity;
    step: number | null;
    startedAt: Date;
    headers: Record<string, string>;
    outcome: SendOutcome;
  }): Promise<void> {
    for (let tries = 1; ; tries += 1) {
      try {
        await this.dataSource.transaction((manager) => this.recordIn(manager, attempt));
        return;
      } catch (error) {
        if (tries >= RECORD_TRIES || !isLockConflict(error)) throw error;
      }
    }
  }

  private async recordIn(
    manager: EntityManager,
    {
      delivery,
      endpoint,
      step,
      startedAt,
      headers,
      outcome,
    }: Parameters<WebhookDeliverer['record']>[0],
  ): Promise<void> {
    // A failure may disable the endpoint or warn its admins, which the audit log records under
    // the organization's lock: that lock first, as every change in an organization takes it.
    // Then the endpoint's row, as publishing takes it (its sequence number): the same order
    // everywhere, so concurrent attempts, publishes and team changes queue, never deadlock.
    if (!isSuccess(outcome)) await lockOrganization(manager, endpoint.organizationId);
    await lockEndpoint(manager, endpoint.id);
    await manager.insert(WebhookAttemptEntity, {
      id: newId(),
      deliveryId: delivery.id,
      startedAt,
      durationMs: outcome.durationMs,
      responseStatus: outcome.status,
      requestHeaders: JSON.stringify(headers),
      responseBody: outcome.body,
      error: outcome.error ?? (isSuccess(outcome) ? null : describeStatus(outcome.status)),
      manual: step === null,
    });
    const now = new Date();
    const succeeded = isSuccess(outcome);
    const gone = outcome.status === 410;
    let nextAttemptAt: Date | null = null;
    if (!succeeded && !gone && step !== null && step + 1 < this.scheduleMs.length) {
      const delayMs = outcome.retryAfterMs ?? withJitter(this.scheduleMs[step + 1]);
      nextAttemptAt = new Date(now.getTime() + delayMs);
    }
    const query = manager
      .createQueryBuilder()
      .update(WebhookDeliveryEntity)
      .set({
        attemptCount: () => 'attempt_count + 1',
        lastResponseStatus: outcome.status,
        lastAttemptAt: startedAt,
        ...(step === null
          ? manualOutcome(succeeded, gone)
          : {
              scheduledAttempts: step + 1,
              status: succeeded ? 'SUCCEEDED' : nextAttemptAt ? 'PENDING' : 'FAILED',
              nextAttemptAt,
            }),
      })
      .where('id = :id AND status = :pending', { id: delivery.id, pending: 'PENDING' });
    if (step !== null) query.andWhere('scheduled_attempts = :step', { step });
    const changed = (await query.execute()).affected === 1;
    // Another run recorded this step first: the attempt is in the log, nothing else changes.
    if (!changed) return;
    if (nextAttemptAt && step !== null) {
      await this.jobs.enqueue(
        manager,
        this.job,
        { deliveryId: delivery.id, step: step + 1 },
        { runAt: nextAttemptAt },
      );
    }
    await this.updateHealth(manager, endpoint, succeeded, gone, now);
  }

  private async updateHealth(
    manager: EntityManager,
    endpoint: WebhookEndpointEntity,
    succeeded: boolean,
    gone: boolean,
    now: Date,
  ): Promise<void> {
    const endpoints = manager.getRepository(Endpoint);
    if (succeeded) {
      await endpoints.update(
        { id: endpoint.id },
        { lastSuccessAt: now, failureStreak: 0, failingSince: null, failureWarnedAt: null },
      );
      return;
    }
    await manager
      .createQueryBuilder()
      .update(Endpoint)
      .set({
        lastFailureAt: now,
        failureStreak: () => 'failure_streak + 1',
        failingSince: () => 'COALESCE(failing_since, :now)',
      })
      .where('id = :id', { id: endpoint.id, now })
      .execute();
    const current = await endpoints.findOneBy({ id: endpoint.id });
    if (!current?.enabled || !current.failingSince) return;
    const failingFor = now.getTime() - current.failingSince.getTime();
    if (gone || failingFor >= DISABLE_AFTER_MS) {
      await this.disable(manager, current, gone ? 'GONE' : 'FAILING');
    } else if (failingFor >= WARN_AFTER_MS && !current.failureWarnedAt) {
      const warned = await endpoints.update(
        { id: current.id, failureWarnedAt: IsNull() },
        { failureWarnedAt: now },
      );
      if (warned.affected === 1) {
        await this.events.emit(manager, {
          type: 'webhook.endpoint_failing',
          caller: SYSTEM,
          organizationId: current.organizationId,
          data: {
            ...(await this.notice(manager, current)),
            failingSince: current.failingSince.toISOString(),
          },
        });
      }
    }
  }

  private async disable(
    manager: EntityManager,
    endpoint: WebhookEndpointEntity,
    reason: WebhookDisabledReason,
  ): Promise<void> {
    const result = await manager
      .getRepository(Endpoint)
      .update(
        { id: endpoint.id, enabled: true },
        { enabled: false, disabledReason: reason, updatedAt: new Date() },
      );
    if (result.affected !== 1) return;
    await this.events.emit(manager, {
      type: 'webhook.endpoint_disabled',
      caller: SYSTEM,
      organizationId: endpoint.organizationId,
      data: {
        ...(await this.notice(manager, { ...endpoint, enabled: false })),
        reason,
      },
    });
  }

  private async notice(manager: EntityManager, endpoint: WebhookEndpointEntity) {
    const organization = await manager.findOneByOrFail(OrganizationEntity, {
      id: endpoint.organizationId,
    });
    return {
      endpoint: snapshotEndpoint(endpoint),
      organizationName: organization.name,
      admins: await organizationAdmins(manager, endpoint.organizationId),
      link: this.webhooksPageUrl(endpoint.organizationId),
    };
  }
}

async function lockEndpoint(manager: EntityManager, endpointId: string): Promise<void> {
  if (manager.connection.options.type === 'better-sqlite3') return; // transactions take turns
  await manager.query('SELECT `id` FROM `webhook_endpoints` WHERE `id` = ? FOR UPDATE', [
    endpointId,
  ]);
}

function isSuccess(outcome: SendOutcome): boolean {
  return outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
}

/** A redelivery by hand is one attempt; an automatic retry still due keeps the delivery pending. */
function manualOutcome(succeeded: boolean, gone: boolean) {
  if (succeeded) return { status: 'SUCCEEDED' as const, nextAttemptAt: null };
  if (gone) return { status: 'FAILED' as const, nextAttemptAt: null };
  return {
    status: () => "CASE WHEN next_attempt_at IS NULL THEN 'FAILED' ELSE 'PENDING' END",
  };
}

function describeStatus(status: number | null): string | null {
  if (status === null) return null;
  if (status >= 300 && status < 400) return `answered ${status}: redirects are not followed`;
  if (status === 410) return 'answered 410 Gone: the endpoint is turned off';
  return `answered ${status}`;
}

/** A deadlock or lock wait on MySQL/MariaDB: the transaction can simply run again. */
function isLockConflict(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { errno } = error.driverError as { errno?: number };
  return errno === 1213 || errno === 1205;
}
