import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { UsageReportOutcome } from './usage-report.service';

@ObjectType('UsageReport', {
  description: 'What reportUsage recorded (or recorded the first time)',
})
export class UsageReport {
  @Field(() => ID)
  id: string;

  @Field()
  metric: string;

  @Field(() => Float, { description: 'A whole number' })
  quantity: number;

  @Field()
  idempotencyKey: string;

  @Field()
  reportedAt: Date;

  @Field({ description: 'The key was used before: this call counted nothing' })
  duplicate: boolean;
}

export function toUsageReport({ report, duplicate }: UsageReportOutcome): UsageReport {
  return {
    id: report.id,
    metric: report.metric,
    quantity: report.quantity,
    idempotencyKey: report.idempotencyKey,
    reportedAt: report.reportedAt,
    duplicate,
  };
}
