import { Column, Entity } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';

/** Column lengths the inputs that set them share (organization.inputs). */
export const ORGANIZATION_NAME_MAX_CHARS = 100;
export const WEBSITE_MAX_CHARS = 2048;

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @IdColumn()
  id: string;

  @Column({ type: 'varchar', length: ORGANIZATION_NAME_MAX_CHARS })
  name: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  industry: string | null;

  @Column({ type: 'varchar', length: WEBSITE_MAX_CHARS, nullable: true })
  website: string | null;

  /** A plan code of the catalog in configuration (PLAN_SEATS). */
  @Column({ type: 'varchar', length: 32, default: 'PROFESSIONAL' })
  plan: string;

  /**
   * The day of the month (1–31) each billing cycle starts, at midnight in the owner's time zone
   * (a shorter month's last day when it has no such day): the day the organization was made.
   */
  @Column({ name: 'billing_anchor_day', type: 'int', default: 1 })
  billingAnchorDay: number;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
