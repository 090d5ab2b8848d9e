import { Field, InputType, Int } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { USAGE_IDEMPOTENCY_KEY_MAX_CHARS, USAGE_METRIC_MAX_CHARS } from './usage-report.entity';

@InputType()
export class ReportUsageInput {
  @Field({
    description: 'What was used: MINUTES, MESSAGES, GROUPS or another code (not API_REQUESTS)',
  })
  @MaxChars(USAGE_METRIC_MAX_CHARS, withReason('USAGE_METRIC_INVALID'))
  metric: string;

  @Field(() => Int, { description: 'How much, a whole number from 1 to 1,000,000,000' })
  quantity: number;

  @Field({
    description:
      'Unique per report within the organization; a retry with the same key counts nothing again (remembered 35 days)',
  })
  @MaxChars(USAGE_IDEMPOTENCY_KEY_MAX_CHARS)
  idempotencyKey: string;
}
