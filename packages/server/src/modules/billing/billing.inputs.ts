import { Field, Float, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { InvoiceStatusEnum } from './billing.types';
import {
  INVOICE_NUMBER_MAX_CHARS,
  INVOICE_PDF_URL_MAX_CHARS,
  type InvoiceStatus,
} from './invoice.entity';

@InputType()
export class SetWalletBalanceInput {
  @Field(() => Float, { description: 'In currency units, at most two decimals; may be negative' })
  amount: number;

  @Field({ description: 'ISO 4217, such as EUR' })
  @MaxChars(3, withReason('CURRENCY_INVALID'))
  currency: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the balance was computed (default: now); a report older than the one recorded changes nothing',
  })
  asOf?: Date | null;
}

@InputType()
export class UpsertInvoiceInput {
  @Field({ description: 'The invoice number: the key, within the organization' })
  @MaxChars(INVOICE_NUMBER_MAX_CHARS)
  number: string;

  @Field()
  periodStart: Date;

  @Field({ description: 'After periodStart' })
  periodEnd: Date;

  @Field(() => Float, { description: 'In currency units, at most two decimals, not negative' })
  amount: number;

  @Field({ description: 'ISO 4217, such as EUR' })
  @MaxChars(3, withReason('CURRENCY_INVALID'))
  currency: string;

  @Field(() => InvoiceStatusEnum)
  status: InvoiceStatus;

  @Field(() => String, { nullable: true, description: 'An https (or http) address of the PDF' })
  @MaxChars(INVOICE_PDF_URL_MAX_CHARS)
  pdfUrl?: string | null;
}
