import { Field, ID, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { JSONObjectScalar, type JsonObjectInput } from '../../graphql/json-object.scalar';
import { WEBHOOK_DESCRIPTION_MAX_CHARS, WEBHOOK_URL_MAX_CHARS } from './webhook-endpoint.entity';
import { MAX_IDEMPOTENCY_KEY_CHARS } from './webhook-publisher';

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID)
  @MaxChars(64, withReason('ORGANIZATION_NOT_FOUND'))
  organizationId: string;

  @Field({ description: 'https:// in production; a public address, no redirects followed' })
  @MaxChars(WEBHOOK_URL_MAX_CHARS, withReason('WEBHOOK_URL_INVALID'))
  url: string;

  @Field({ nullable: true, defaultValue: '' })
  @MaxChars(WEBHOOK_DESCRIPTION_MAX_CHARS)
  description: string;

  @Field(() => [String], { description: 'At least one name of webhookEventTypes' })
  eventTypes: string[];
}

@InputType({ description: 'The fields sent are changed; the others stay as they are' })
export class UpdateWebhookEndpointInput {
  @Field({ nullable: true })
  @MaxChars(WEBHOOK_URL_MAX_CHARS, withReason('WEBHOOK_URL_INVALID'))
  url?: string;

  @Field({ nullable: true })
  @MaxChars(WEBHOOK_DESCRIPTION_MAX_CHARS)
  description?: string;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[];

  @Field({
    nullable: true,
    description: 'false turns it off; true turns it on and clears its failure streak',
  })
  enabled?: boolean;
}

@InputType()
export class PublishEventInput {
  @Field({ description: 'A product event type: call.completed, campaign.status_changed, …' })
  @MaxChars(64, withReason('WEBHOOK_EVENT_TYPE_UNKNOWN', { type: 'This' }))
  type: string;

  @Field(() => JSONObjectScalar, { description: 'At most 65,535 bytes as JSON' })
  data: JsonObjectInput;

  @Field(() => String, {
    nullable: true,
    description: 'The same key within 24 hours answers the first event and publishes nothing',
  })
  @MaxChars(
    MAX_IDEMPOTENCY_KEY_CHARS,
    withReason('WEBHOOK_IDEMPOTENCY_KEY_INVALID', { max: MAX_IDEMPOTENCY_KEY_CHARS }),
  )
  idempotencyKey?: string | null;
}
