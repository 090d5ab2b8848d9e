import { Column, Entity } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @IdColumn()
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  industry: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  website: string | null;

  /** A plan code of the catalog in configuration (PLAN_SEATS). */
  @Column({ type: 'varchar', length: 32, default: 'PROFESSIONAL' })
  plan: string;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
