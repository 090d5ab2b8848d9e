import type { DataSource } from 'typeorm';
import { requireApiKey, type Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail, type FieldProblems } from '../../graphql/errors';
import type { Clock } from '../../lib/clock';
import { authorize, loadAccess } from '../organization/access';
import { METERED_METRICS, slotOf } from './usage-counter.entity';
import { addToCounters } from './usage-counters';
import { UsageReportEntity } from './usage-report.entity';
import type { UsageReportSnapshot } from './usage.events';
import './usage.events';

/** A metric code: MINUTES, MESSAGES, GROUPS, or whatever else a service counts. */
export const METRIC_PATTERN = /^[A-Z][A-Z0-9_]{0,39}$/;
/** The most one report may carry. */
export const MAX_REPORTED_QUANTITY = 1_000_000_000;

export interface UsageReportRequest {
  metric: string;
  quantity: number;
  idempotencyKey: string;
}

/** What reportUsage did: the report recorded now, or the one a retry with its key recorded. */
export interface UsageReportOutcome {
  report: UsageReportEntity;
  /** The key was seen before: nothing was counted this time. */
  duplicate: boolean;
}

/**
 * `reportUsage`: a service with an API key (USAGE_REPORT) adds to its organization's usage of a
 * metric, in the quarter hour the report arrives. The report and the counter change in one
 * transaction, keyed by the organization's idempotency key: a retried report counts once, even
 * when two arrive at once, and the same key for a different report is a CONFLICT.
 */
export class UsageReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async report(anyCaller: Caller, request: UsageReportRequest): Promise<UsageReportOutcome> {
    const caller = requireApiKey(anyCaller);
    const organizationId = caller.apiKey.organizationId;
    const { idempotencyKey } = request;
    checkRequest(request);
    const earlierWith = (report: UsageReportEntity) => {
      if (report.metric !== request.metric || report.quantity !== request.quantity) {
        throw fail('USAGE_REPORT_KEY_REUSED', {
          params: { metric: report.metric, quantity: report.quantity },
        });
      }
      return { report, duplicate: true };
    };
    try {
      return await this.dataSource.transaction(async (manager) => {
        authorize(await loadAccess(manager, caller, organizationId), 'usage.report');
        const earlier = await manager.findOneBy(UsageReportEntity, {
          organizationId,
          idempotencyKey,
        });
        if (earlier) return earlierWith(earlier);
        const report = manager.create(UsageReportEntity, {
          id: newId(),
          organizationId,
          idempotencyKey,
          metric: request.metric,
          quantity: request.quantity,
          apiKeyId: caller.apiKey.id,
          reportedAt: this.clock.now(),
        });
        // The report first: a concurrent one with the same key fails here, before counting.
        await manager.insert(UsageReportEntity, report);
        await addToCounters(manager, [
          {
            organizationId,
            metric: report.metric,
            slotStart: slotOf(report.reportedAt),
            quantity: report.quantity,
          },
        ]);
        await this.events.emit(manager, {
          type: 'usage.reported',
          caller,
          organizationId,
          data: { report: snapshotReport(report) },
        });
        return { report, duplicate: false };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another report with this key committed first: answer what it recorded.
      const earlier = await this.dataSource.manager.findOneByOrFail(UsageReportEntity, {
        organizationId,
        idempotencyKey,
      });
      return earlierWith(earlier);
    }
  }

  /** Forgets reports older than `before`: their keys no longer guard against a retry. */
  async prune(before: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(UsageReportEntity)
      .where('reported_at < :before', { before })
      .execute();
    return result.affected ?? 0;
  }
}

function snapshotReport(report: UsageReportEntity): UsageReportSnapshot {
  return {
    id: report.id,
    metric: report.metric,
    quantity: report.quantity,
    idempotencyKey: report.idempotencyKey,
    reportedAt: report.reportedAt.toISOString(),
  };
}

function checkRequest(request: UsageReportRequest): void {
  const problems: FieldProblems = {};
  if (!METRIC_PATTERN.test(request.metric)) problems.metric = 'USAGE_METRIC_INVALID';
  else if ((METERED_METRICS as readonly string[]).includes(request.metric)) {
    problems.metric = { reason: 'USAGE_METRIC_METERED', params: { metric: request.metric } };
  }
  if (
    !Number.isSafeInteger(request.quantity) ||
    request.quantity < 1 ||
    request.quantity > MAX_REPORTED_QUANTITY
  ) {
    problems.quantity = {
      reason: 'USAGE_QUANTITY_INVALID',
      params: { max: MAX_REPORTED_QUANTITY },
    };
  }
  if (request.idempotencyKey.trim() === '')
    problems.idempotencyKey = 'USAGE_IDEMPOTENCY_KEY_REQUIRED';
  if (Object.keys(problems).length > 0) throw badUserInput(problems);
}
