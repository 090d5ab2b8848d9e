import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { OrganizationEntity } from '../organization/organization.entity';
import { bigintAsNumber } from './wallet.entity';

/** An invoice's life at the billing service, as Stripe names it; PAID and VOID are final. */
export const INVOICE_STATUSES = ['DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const FINAL_INVOICE_STATUSES: readonly InvoiceStatus[] = ['PAID', 'VOID'];

export const INVOICE_NUMBER_MAX_CHARS = 64;
export const INVOICE_PDF_URL_MAX_CHARS = 2048;

/** An invoice as the billing service reports it (upsertInvoice); its number is its key. */
@Entity({ name: 'invoices' })
@Index('uq_invoices_number', ['organizationId', 'number'], { unique: true })
@Index('ix_invoices_period', ['organizationId', 'periodStart'])
export class InvoiceEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_invoices_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: INVOICE_NUMBER_MAX_CHARS })
  number: string;

  @DateColumn({ name: 'period_start' })
  periodStart: Date;

  @DateColumn({ name: 'period_end' })
  periodEnd: Date;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintAsNumber })
  amountCents: number;

  /** ISO 4217, such as EUR. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 16 })
  status: InvoiceStatus;

  /** Where the billing service serves the PDF, if it gave one. */
  @Column({ name: 'pdf_url', type: 'varchar', length: INVOICE_PDF_URL_MAX_CHARS, nullable: true })
  pdfUrl: string | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
