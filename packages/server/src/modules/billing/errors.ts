import type { ReasonTable } from '../../graphql/error-codes';

/** The wallet and invoices the billing service reports. */
export const BILLING_REASONS = {
  CURRENCY_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Use an ISO 4217 currency code, such as EUR',
  },
  AMOUNT_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Enter an amount from {min} to {max}, with at most two decimals',
  },
  BALANCE_AS_OF_IN_FUTURE: {
    code: 'BAD_USER_INPUT',
    message: 'This time is in the future; send when the balance was computed',
  },
  INVOICE_NUMBER_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Enter the invoice number' },
  INVOICE_PERIOD_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'The period must end after it starts',
  },
  INVOICE_PDF_URL_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Use an address starting with https:// or http://',
  },
  INVOICE_FINAL: {
    code: 'CONFLICT',
    message: 'Invoice {number} is {status}; its amount, currency and status no longer change',
  },
} as const satisfies ReasonTable;
