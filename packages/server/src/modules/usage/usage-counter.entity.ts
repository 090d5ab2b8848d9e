import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../organization/organization.entity';

/** The metrics Atrium counts itself; services report others later. */
export const METERED_METRICS = ['API_REQUESTS'] as const;
export type MeteredMetric = (typeof METERED_METRICS)[number];

/** How much of a metric an organization used on one UTC day. */
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

  /** `YYYY-MM-DD`, UTC. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({
    type: 'bigint',
    // mysql2 hands bigint over as a string; a day's count fits a double exactly.
    transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
  })
  quantity: number;
}
