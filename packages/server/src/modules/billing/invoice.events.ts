import type { InvoiceEntity, InvoiceStatus } from './invoice.entity';

/** An invoice as events carry it: plain JSON, amounts in currency units, times as ISO strings. */
export interface InvoiceSnapshot {
  id: string;
  number: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  currency: string;
  status: InvoiceStatus;
  pdfUrl: string | null;
}

export function snapshotInvoice(invoice: InvoiceEntity): InvoiceSnapshot {
  return {
    id: invoice.id,
    number: invoice.number,
    periodStart: invoice.periodStart.toISOString(),
    periodEnd: invoice.periodEnd.toISOString(),
    amount: invoice.amountCents / 100,
    currency: invoice.currency,
    status: invoice.status,
    pdfUrl: invoice.pdfUrl,
  };
}

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /**
     * The billing service reported an invoice, new (`previous` null) or changed; reporting it
     * again unchanged says nothing.
     */
    'invoice.recorded': { invoice: InvoiceSnapshot; previous: InvoiceSnapshot | null };
  }
}
