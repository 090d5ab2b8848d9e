import type { DataSource } from 'typeorm';
import { requireApiKey, type Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail, type FieldProblems } from '../../graphql/errors';
import type { Page, PageRequest } from '../../graphql/connection';
import { authorize, inOrganization, type OrganizationAccess } from '../organization/access';
import { FINAL_INVOICE_STATUSES, InvoiceEntity, type InvoiceStatus } from './invoice.entity';
import { snapshotInvoice } from './invoice.events';
import { isCurrency, isDownloadUrl, MAX_AMOUNT, toCents } from './money';

/** What upsertInvoice sends. */
export interface InvoiceReport {
  number: string;
  periodStart: Date;
  periodEnd: Date;
  amount: number;
  currency: string;
  status: InvoiceStatus;
  pdfUrl?: string | null;
}

type InvoiceValues = Pick<
  InvoiceEntity,
  'number' | 'periodStart' | 'periodEnd' | 'amountCents' | 'currency' | 'status' | 'pdfUrl'
>;

/**
 * Invoices as the billing service reports them (`upsertInvoice`, an API key with BILLING_WRITE),
 * keyed by their number in the organization: the same report again changes nothing and says
 * nothing; a changed one updates the record and says `invoice.recorded`. A PAID or VOID invoice
 * keeps its amount, currency, period and status (only its PDF link may still arrive).
 */
export class InvoiceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  upsert(anyCaller: Caller, report: InvoiceReport): Promise<InvoiceEntity> {
    const caller = requireApiKey(anyCaller);
    const values = checkReport(report);
    const organizationId = caller.apiKey.organizationId;
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'billing.record' },
      async (manager) => {
        const now = new Date();
        const existing = await manager.findOneBy(InvoiceEntity, {
          organizationId,
          number: values.number,
        });
        if (existing && sameInvoice(existing, values)) return existing;
        if (existing && FINAL_INVOICE_STATUSES.includes(existing.status)) {
          const { pdfUrl: _pdf, ...settled } = values;
          if (!sameInvoice(existing, { ...settled, pdfUrl: existing.pdfUrl })) {
            throw fail('INVOICE_FINAL', {
              params: { number: existing.number, status: existing.status },
            });
          }
        }
        const invoice: InvoiceEntity = existing
          ? { ...existing, ...values, updatedAt: now }
          : { id: newId(), organizationId, ...values, createdAt: now, updatedAt: now };
        if (existing) {
          await manager.update(InvoiceEntity, { id: existing.id }, { ...values, updatedAt: now });
        } else await manager.insert(InvoiceEntity, invoice);
        await this.events.emit(manager, {
          type: 'invoice.recorded',
          caller,
          organizationId,
          data: {
            invoice: snapshotInvoice(invoice),
            previous: existing ? snapshotInvoice(existing) : null,
          },
        });
        return invoice;
      },
    );
  }

  /** Newest period first (OWNER, ADMIN, keys with BILLING_READ). */
  async list(access: OrganizationAccess, page: PageRequest): Promise<Page<InvoiceEntity>> {
    authorize(access, 'billing.view');
    const query = this.dataSource
      .getRepository(InvoiceEntity)
      .createQueryBuilder('i')
      .where('i.organization_id = :organizationId', { organizationId: access.organization.id })
      .orderBy('i.period_start', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(page.first + 1);
    const after = page.afterKey ? parseCursorKey(page.afterKey) : null;
    if (after) {
      query.andWhere(
        '(i.period_start < :periodStart OR (i.period_start = :periodStart AND i.id < :id))',
        after,
      );
    }
    const rows = await query.getMany();
    return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first };
  }
}

/** The cursor of an invoice in the list: its period's start and its id. */
export function invoiceCursorKey(invoice: InvoiceEntity): string {
  return `${invoice.periodStart.getTime()}:${invoice.id}`;
}

function parseCursorKey(key: string): { periodStart: Date; id: string } {
  const match = /^(\d{1,15}):([0-9a-f-]{36})$/.exec(key);
  if (!match) throw badUserInput({ after: 'CURSOR_INVALID' });
  return { periodStart: new Date(Number(match[1])), id: match[2] };
}

function sameInvoice(invoice: InvoiceEntity, values: InvoiceValues): boolean {
  return (
    invoice.number === values.number &&
    invoice.periodStart.getTime() === values.periodStart.getTime() &&
    invoice.periodEnd.getTime() === values.periodEnd.getTime() &&
    invoice.amountCents === values.amountCents &&
    invoice.currency === values.currency &&
    invoice.status === values.status &&
    invoice.pdfUrl === values.pdfUrl
  );
}

function checkReport(report: InvoiceReport): InvoiceValues {
  const problems: FieldProblems = {};
  const number = report.number.trim();
  if (number === '') problems.number = 'INVOICE_NUMBER_REQUIRED';
  if (report.periodEnd.getTime() <= report.periodStart.getTime()) {
    problems.periodEnd = 'INVOICE_PERIOD_INVALID';
  }
  const amountCents = toCents(report.amount, 0);
  if (amountCents === null) {
    problems.amount = { reason: 'AMOUNT_INVALID', params: { min: 0, max: MAX_AMOUNT } };
  }
  if (!isCurrency(report.currency)) problems.currency = 'CURRENCY_INVALID';
  const pdfUrl = report.pdfUrl?.trim() || null;
  if (pdfUrl !== null && !isDownloadUrl(pdfUrl)) problems.pdfUrl = 'INVOICE_PDF_URL_INVALID';
  if (Object.keys(problems).length > 0 || amountCents === null) throw badUserInput(problems);
  return {
    number,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    amountCents,
    currency: report.currency,
    status: report.status,
    pdfUrl,
  };
}
