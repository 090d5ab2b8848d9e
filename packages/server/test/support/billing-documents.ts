import { typed } from './graphql';

export interface PlanFields {
  code: string;
  name: string;
  seatLimit: number | null;
  limits: Array<{ metric: string; limit: number | null }>;
}

export interface UsageCounterFields {
  metric: string;
  quantity: number;
  limit: number | null;
  forecast: number | null;
  asOf: string;
}

export interface InvoiceFields {
  id: string;
  number: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  currency: string;
  status: 'DRAFT' | 'OPEN' | 'PAID' | 'VOID' | 'UNCOLLECTIBLE';
  pdfUrl: string | null;
}

export interface WalletBalanceFields {
  amount: number;
  currency: string;
  asOf: string;
}

const INVOICE = 'id number periodStart periodEnd amount currency status pdfUrl';

export const Plans = typed<{ plans: PlanFields[] }>(
  `query Plans { plans { code name seatLimit limits { metric limit } } }`,
);

export const OrganizationUsage = typed<
  {
    organization: {
      plan: string;
      billingCycleStart: string;
      billingCycleEnd: string;
      billingTimeZone: string;
      usage: UsageCounterFields[];
    };
  },
  { id: string }
>(
  `query OrganizationUsage($id: ID!) {
    organization(id: $id) {
      plan billingCycleStart billingCycleEnd billingTimeZone
      usage { metric quantity limit forecast asOf }
    }
  }`,
);

export const OrganizationBillingCycle = typed<
  { organization: { billingCycleStart: string; billingCycleEnd: string } },
  { id: string }
>(
  `query OrganizationBillingCycle($id: ID!) {
    organization(id: $id) { billingCycleStart billingCycleEnd }
  }`,
);

export const OrganizationBilling = typed<
  {
    organization: {
      walletBalance: WalletBalanceFields | null;
      invoices: {
        edges: Array<{ cursor: string; node: InvoiceFields }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  },
  { id: string; first?: number; after?: string | null }
>(
  `query OrganizationBilling($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      walletBalance { amount currency asOf }
      invoices(first: $first, after: $after) {
        edges { cursor node { ${INVOICE} } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
);

export const ChangePlan = typed<
  { changePlan: { id: string; plan: string; seatLimit: number | null; seatsUsed: number } },
  { organizationId: string; plan: string }
>(
  `mutation ChangePlan($organizationId: ID!, $plan: String!) {
    changePlan(organizationId: $organizationId, plan: $plan) { id plan seatLimit seatsUsed }
  }`,
);

export const ReportUsage = typed<
  {
    reportUsage: {
      id: string;
      metric: string;
      quantity: number;
      idempotencyKey: string;
      reportedAt: string;
      duplicate: boolean;
    };
  },
  { input: { metric: string; quantity: number; idempotencyKey: string } }
>(
  `mutation ReportUsage($input: ReportUsageInput!) {
    reportUsage(input: $input) { id metric quantity idempotencyKey reportedAt duplicate }
  }`,
);

export const SetWalletBalance = typed<
  { setWalletBalance: WalletBalanceFields },
  { input: { amount: number; currency: string; asOf?: string | null } }
>(
  `mutation SetWalletBalance($input: SetWalletBalanceInput!) {
    setWalletBalance(input: $input) { amount currency asOf }
  }`,
);

export interface UpsertInvoiceVariables extends Record<string, unknown> {
  input: {
    number: string;
    periodStart: string;
    periodEnd: string;
    amount: number;
    currency: string;
    status: InvoiceFields['status'];
    pdfUrl?: string | null;
  };
}

export const UpsertInvoice = typed<{ upsertInvoice: InvoiceFields }, UpsertInvoiceVariables>(
  `mutation UpsertInvoice($input: UpsertInvoiceInput!) {
    upsertInvoice(input: $input) { ${INVOICE} }
  }`,
);
