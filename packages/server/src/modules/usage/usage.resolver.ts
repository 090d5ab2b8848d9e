import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { ReportUsageInput } from './usage.inputs';
import { toUsageReport, UsageReport } from './usage.types';

@Resolver()
export class UsageResolver {
  @Authorized()
  @Mutation(() => UsageReport, {
    description:
      "API keys only (USAGE_REPORT): adds to the key's organization's usage of a metric this billing cycle",
  })
  async reportUsage(
    @Arg('input') input: ReportUsageInput,
    @Ctx() ctx: AppContext,
  ): Promise<UsageReport> {
    return toUsageReport(await ctx.services.usageReports.report(ctx.caller, input));
  }
}
