import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { Organization } from '../organization/organization.type';
import { CreateApiKeyInput, RollApiKeyInput } from './api-key.inputs';
import {
  ApiKey,
  ApiKeyScopeChoice,
  ApiKeyScopeEnum,
  CreatedApiKey,
  toApiKey,
} from './api-key.type';
import type { ApiKeyScope } from './scopes';

@Resolver(() => Organization)
export class ApiKeyResolver {
  @FieldResolver(() => [ApiKey], {
    description: 'Every key of the organization, newest first (OWNER and ADMIN)',
  })
  async apiKeys(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<ApiKey[]> {
    return (await ctx.services.apiKeys.list(organization.access)).map((key) => toApiKey(key));
  }

  @FieldResolver(() => [ApiKeyScopeEnum], {
    description: 'The scopes my role lets me put on a key here (OWNER and ADMIN)',
  })
  grantableApiKeyScopes(@Root() organization: Organization, @Ctx() ctx: AppContext): ApiKeyScope[] {
    return ctx.services.apiKeys.grantable(organization.access);
  }

  @FieldResolver(() => [ApiKeyScopeChoice], {
    description:
      'Every scope, each saying whether my role may put it on a key here and why not (OWNER and ADMIN)',
  })
  apiKeyScopeChoices(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
  ): ApiKeyScopeChoice[] {
    return ctx.services.apiKeys.scopeChoices(organization.access);
  }

  @Authorized()
  @Mutation(() => CreatedApiKey, {
    description:
      'A new key; its secret is in this answer only. Needs a recent sign-in (sudo mode).',
  })
  async createApiKey(
    @Arg('input') input: CreateApiKeyInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreatedApiKey> {
    const { apiKey, secret } = await ctx.services.apiKeys.create(ctx.caller, input);
    return { apiKey: toApiKey(apiKey), secret };
  }

  @Authorized()
  @Mutation(() => CreatedApiKey, {
    description:
      'A new secret for the key at once; the old one works for the grace period. Needs sudo mode.',
  })
  async rollApiKey(
    @Arg('input') input: RollApiKeyInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreatedApiKey> {
    const { apiKey, secret } = await ctx.services.apiKeys.roll(
      ctx.caller,
      input.id,
      input.gracePeriodSeconds,
    );
    return { apiKey: toApiKey(apiKey), secret };
  }

  @Authorized()
  @Mutation(() => ApiKey, { description: 'Refused from the next request on, everywhere' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<ApiKey> {
    return toApiKey(await ctx.services.apiKeys.revoke(ctx.caller, id));
  }
}
