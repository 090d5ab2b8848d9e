import { Field, ID, InputType, Int } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { Matches } from 'class-validator';
import { API_KEY_NAME_MAX_CHARS } from './api-key.entity';
import { ApiKeyScopeEnum } from './api-key.type';
import type { ApiKeyScope } from './scopes';

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  @MaxChars(64, withReason('ORGANIZATION_NOT_FOUND'))
  organizationId: string;

  @Field({ description: 'What the key is for, such as "Billing sync"' })
  @MaxChars(API_KEY_NAME_MAX_CHARS)
  @Matches(/\S/, withReason('API_KEY_NAME_REQUIRED'))
  name: string;

  @Field(() => [ApiKeyScopeEnum], {
    description: "At least one; at most what the creator's role may grant (grantableApiKeyScopes)",
  })
  scopes: ApiKeyScope[];

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null: never' })
  expiresAt?: Date | null;
}

@InputType()
export class RollApiKeyInput {
  @Field(() => ID)
  @MaxChars(64, withReason('API_KEY_NOT_FOUND'))
  id: string;

  @Field(() => Int, {
    description: 'How long the old secret keeps working: 0 (it dies now) to 604800 (7 days)',
  })
  gracePeriodSeconds: number;
}
