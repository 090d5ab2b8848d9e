import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../organization/organization.entity';

/** The metric Atrium counts itself: requests made with the organization's API keys. */
export const METERED_METRICS = ['API_REQUESTS'] as const;
export type MeteredMetric = (typeof METERED_METRICS)[number];

/**
 * Counters are kept per quarter hour (UTC). Billing cycles start at midnight in the owner's
 * time zone, and every zone's offset from UTC is a whole number of quarter hours (India +5:30,
 * Nepal +5:45), so a cycle is always a whole number of slots.
 */
export const SLOT_MS = 15 * 60 * 1000;

/** The start of the quarter-hour slot holding `at`. */
export function slotOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS);
}

/** How much of a metric an organization used in one quarter hour. */
@Entity({ name: 'usage_counters' })
export class UsageCounterEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_usage_counters_organization',
  })
  organization?: OrganizationEntity;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  metric: string;

  /** Start of the quarter-hour slot (UTC). */
  @PrimaryColumn({ name: 'slot_start', type: 'datetime', precision: 3 })
  slotStart: Date;

  @Column({
    type: 'bigint',
    // mysql2 hands bigint over as a string; a count fits a double exactly.
    transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
  })
  quantity: number;
}
