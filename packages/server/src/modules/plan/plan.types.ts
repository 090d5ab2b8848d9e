import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { PlanDefinition } from '../organization/plans';
import type { MetricUsage } from './cycle-usage.service';

const WHOLE_NUMBER = 'A whole number (Float, as a cycle can pass 2^31)';

@ObjectType('PlanLimit', { description: 'The most of a metric one billing cycle includes' })
export class PlanLimit {
  @Field()
  metric: string;

  @Field(() => Float, { nullable: true, description: `${WHOLE_NUMBER}; null: unlimited` })
  limit: number | null;
}

@ObjectType('Plan', {
  description: 'A plan of the catalog (configuration: PLAN_SEATS, PLAN_LIMITS)',
})
export class Plan {
  @Field({ description: 'Such as PROFESSIONAL' })
  code: string;

  @Field({ description: 'Such as Professional' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'Team members it includes; null: unlimited' })
  seatLimit: number | null;

  @Field(() => [PlanLimit], { description: 'Limits per billing cycle; a metric left out has none' })
  limits: PlanLimit[];
}

export function toPlan(plan: PlanDefinition): Plan {
  return {
    code: plan.code,
    name: plan.name,
    seatLimit: plan.seatLimit,
    limits: Object.entries(plan.limits).map(([metric, limit]) => ({ metric, limit })),
  };
}

@ObjectType('UsageCounter', { description: 'Use of one metric in the current billing cycle' })
export class UsageCounter {
  @Field({ description: 'API_REQUESTS (metered by Atrium), MINUTES, MESSAGES, GROUPS, …' })
  metric: string;

  @Field(() => Float, { description: `${WHOLE_NUMBER} used so far this cycle` })
  quantity: number;

  @Field(() => Float, { nullable: true, description: "The plan's limit per cycle; null: none" })
  limit: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'A straight line from the use so far to the end of the cycle; null during its first day',
  })
  forecast: number | null;

  @Field({
    description:
      'When the quantity was read (API requests reach it within seconds: they are written in batches)',
  })
  asOf: Date;
}

export function toUsageCounter(usage: MetricUsage): UsageCounter {
  return { ...usage };
}
