import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { INVOICE_STATUSES, type InvoiceEntity, type InvoiceStatus } from './invoice.entity';
import type { WalletEntity } from './wallet.entity';

export const InvoiceStatusEnum = Object.fromEntries(
  INVOICE_STATUSES.map((status) => [status, status]),
) as { [K in InvoiceStatus]: K };
registerEnumType(InvoiceStatusEnum, {
  name: 'InvoiceStatus',
  description: 'DRAFT, OPEN (awaiting payment), PAID, VOID, UNCOLLECTIBLE; PAID and VOID are final',
});

@ObjectType('WalletBalance', {
  description: 'The wallet balance the billing service last reported',
})
export class WalletBalance {
  @Field(() => Float, { description: 'In currency units, two decimals; may be negative' })
  amount: number;

  @Field({ description: 'ISO 4217, such as EUR' })
  currency: string;

  @Field({ description: 'When the billing service computed it' })
  asOf: Date;
}

export function toWalletBalance(wallet: WalletEntity): WalletBalance {
  return { amount: wallet.balanceCents / 100, currency: wallet.currency, asOf: wallet.asOf };
}

@ObjectType('Invoice', { description: 'An invoice as the billing service reported it' })
export class Invoice {
  @Field(() => ID)
  id: string;

  @Field({ description: "The billing service's invoice number" })
  number: string;

  @Field()
  periodStart: Date;

  @Field()
  periodEnd: Date;

  @Field(() => Float, { description: 'In currency units, two decimals' })
  amount: number;

  @Field({ description: 'ISO 4217, such as EUR' })
  currency: string;

  @Field(() => InvoiceStatusEnum)
  status: InvoiceStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Where the billing service serves the PDF; null when it gave none',
  })
  pdfUrl: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export function toInvoice(invoice: InvoiceEntity): Invoice {
  return {
    id: invoice.id,
    number: invoice.number,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    amount: invoice.amountCents / 100,
    currency: invoice.currency,
    status: invoice.status,
    pdfUrl: invoice.pdfUrl,
    createdAt: invoice.createdAt,
    updatedAt: invoice.updatedAt,
  };
}

@ObjectType('InvoiceEdge')
export class InvoiceEdge {
  @Field(() => Invoice)
  node: Invoice;

  @Field()
  cursor: string;
}

@ObjectType('InvoiceConnection')
export class InvoiceConnection {
  @Field(() => [InvoiceEdge])
  edges: InvoiceEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
