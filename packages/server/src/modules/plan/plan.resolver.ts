import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { Organization, toOrganization } from '../organization/organization.type';
import { Plan, toPlan, toUsageCounter, UsageCounter } from './plan.types';

@Resolver(() => Organization)
export class PlanResolver {
  @Query(() => [Plan], { description: 'The plans an organization can be on' })
  plans(@Ctx() ctx: AppContext): Plan[] {
    return ctx.services.planChanges.list().map(toPlan);
  }

  @Authorized()
  @Mutation(() => Organization, {
    description:
      'Moves the organization to another plan (OWNER); PLAN_LIMIT_REACHED when members plus pending invitations exceed its seats',
  })
  async changePlan(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('plan', { description: 'A plan code of `plans`' }) plan: string,
    @Ctx() ctx: AppContext,
  ): Promise<Organization> {
    return toOrganization(await ctx.services.planChanges.change(ctx.caller, organizationId, plan));
  }

  @FieldResolver(() => Date, {
    description: "Start of the current billing cycle: midnight of its day in the owner's time zone",
  })
  async billingCycleStart(@Root() organization: Organization, @Ctx() ctx: AppContext) {
    return (await ctx.services.cycleUsage.cycleOf(organization.access)).start;
  }

  @FieldResolver(() => Date, {
    description: 'End of the current billing cycle: the next one’s start',
  })
  async billingCycleEnd(@Root() organization: Organization, @Ctx() ctx: AppContext) {
    return (await ctx.services.cycleUsage.cycleOf(organization.access)).end;
  }

  @FieldResolver(() => String, {
    description: "The time zone billing cycles follow: the owner's (IANA, such as Europe/Madrid)",
  })
  async billingTimeZone(@Root() organization: Organization, @Ctx() ctx: AppContext) {
    return (await ctx.services.cycleUsage.cycleOf(organization.access)).timeZone;
  }

  @FieldResolver(() => [UsageCounter], {
    description:
      'Use per metric this billing cycle, with the plan’s limits and a forecast (every member; keys with BILLING_READ)',
  })
  async usage(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<UsageCounter[]> {
    return (await ctx.services.cycleUsage.usageOf(organization.access)).map(toUsageCounter);
  }
}
