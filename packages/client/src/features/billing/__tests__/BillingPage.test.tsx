import { screen, within } from '@testing-library/react';
import {
  ChangePlanDocument,
  OrganizationBillingDocument,
  OrganizationPlanDocument,
  type InvoiceStatus,
  type Role,
} from '../../../generated/graphql';
import { anAccount, errorResult, meMock, myOrganizationsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { INVOICES_PAGE_SIZE } from '../BillingRecords';

const ORG_ID = 'org_acme';
// Madrid: the cycle's days and "as of" times read the same on any test machine.
const me = anAccount({ id: 'acc_me', timezone: 'Europe/Madrid' });

const PLANS = [
  {
    __typename: 'Plan' as const,
    code: 'PROFESSIONAL',
    name: 'Professional',
    seatLimit: 3,
    limits: [
      { __typename: 'PlanLimit' as const, metric: 'API_REQUESTS', limit: 100_000 },
      { __typename: 'PlanLimit' as const, metric: 'MINUTES', limit: 1_000 },
    ],
  },
  {
    __typename: 'Plan' as const,
    code: 'DENTAL',
    name: 'Dental',
    seatLimit: 10,
    limits: [
      { __typename: 'PlanLimit' as const, metric: 'API_REQUESTS', limit: 500_000 },
      { __typename: 'PlanLimit' as const, metric: 'MINUTES', limit: 5_000 },
    ],
  },
  {
    __typename: 'Plan' as const,
    code: 'REAL_ESTATE',
    name: 'Real Estate',
    seatLimit: null,
    limits: [],
  },
];

const counter = (
  metric: string,
  quantity: number,
  limit: number | null,
  forecast: number | null,
) => ({
  __typename: 'UsageCounter' as const,
  metric,
  quantity,
  limit,
  forecast,
  asOf: '2026-02-07T11:00:00.000Z',
});

function planMock({
  myRole = 'OWNER' as Role,
  plan = 'DENTAL',
  seatLimit = 10 as number | null,
  seatsUsed = 3,
  usage = [
    counter('API_REQUESTS', 1_234, 500_000, 4_936),
    counter('MINUTES', 4_200, 5_000, 16_800),
    counter('MESSAGES', 0, null, null),
    counter('SMS_SEGMENTS', 7, null, 28),
  ],
} = {}) {
  return {
    request: { query: OrganizationPlanDocument, variables: { id: ORG_ID } },
    result: {
      data: {
        organization: {
          __typename: 'Organization' as const,
          id: ORG_ID,
          name: 'Acme',
          myRole,
          plan,
          seatLimit,
          seatsUsed,
          billingCycleStart: '2026-01-31T23:00:00.000Z',
          billingCycleEnd: '2026-02-28T23:00:00.000Z',
          billingTimeZone: 'Europe/Madrid',
          usage,
        },
        plans: PLANS,
      },
    },
  };
}

const invoice = (number: string, status: InvoiceStatus, pdfUrl: string | null) => ({
  __typename: 'Invoice' as const,
  id: `inv_${number}`,
  number,
  periodStart: '2026-01-01T00:00:00.000Z',
  periodEnd: '2026-02-01T00:00:00.000Z',
  amount: 149.9,
  currency: 'EUR',
  status,
  pdfUrl,
});

function billingMock(invoices = [invoice('INV-0002', 'OPEN', null)]) {
  return {
    request: {
      query: OrganizationBillingDocument,
      variables: { id: ORG_ID, first: INVOICES_PAGE_SIZE },
    },
    result: {
      data: {
        organization: {
          __typename: 'Organization' as const,
          id: ORG_ID,
          walletBalance: {
            __typename: 'WalletBalance' as const,
            amount: 42.5,
            currency: 'EUR',
            asOf: '2026-02-07T10:00:00.000Z',
          },
          invoices: {
            __typename: 'InvoiceConnection' as const,
            edges: invoices.map((node) => ({
              __typename: 'InvoiceEdge' as const,
              cursor: `c_${node.id}`,
              node,
            })),
            pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false },
          },
        },
      },
    },
  };
}

function renderBilling(myRole: Role, ...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp(`/settings/billing/${ORG_ID}`, [
    meMock(me),
    myOrganizationsMock([{ id: ORG_ID, name: 'Acme', myRole }]),
    ...mocks,
  ]);
}

describe('Plan & billing', () => {
  it('shows the plan, its seats and cycle, usage against limits with a forecast, the wallet and invoices', async () => {
    renderBilling(
      'OWNER',
      planMock(),
      billingMock([
        invoice('INV-0002', 'OPEN', null),
        invoice('INV-0001', 'PAID', 'https://billing.example.com/INV-0001.pdf'),
      ]),
    );

    expect(await screen.findByText('Dental plan')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Plan & billing of Acme' })).toBeVisible();
    expect(screen.getByText('3 of 10 seats used')).toBeInTheDocument();
    expect(
      screen.getByText(
        'This billing cycle: Feb 1, 2026 – Feb 28, 2026 (Europe/Madrid, the owner’s time zone).',
      ),
    ).toBeInTheDocument();

    const usage = within(screen.getByRole('list', { name: 'Usage this cycle' }));
    const minutes = usage.getByRole('meter', { name: 'Minutes' });
    expect(minutes).toHaveAttribute('aria-valuetext', '4,200 of 5,000 (84 %)');
    expect(
      usage.getByText('At this pace, about 16,800 by Feb 28, 2026: over the limit.'),
    ).toBeVisible();
    expect(usage.getByText('1,234 of 500,000 (0 %)')).toBeInTheDocument();
    expect(usage.getByText('0 (no limit)')).toBeInTheDocument();
    // A metric with no forecast (not one used yet) says nothing of it.
    expect(usage.queryByText(/Forecasts show/)).not.toBeInTheDocument();
    // A metric a service reports that the app has no name for shows its code.
    expect(usage.getByText('SMS_SEGMENTS')).toBeInTheDocument();
    expect(screen.getByText('As of Feb 7, 2026, 12:00 PM.')).toBeInTheDocument();

    expect(await screen.findByText('€42.50')).toBeInTheDocument();
    const invoices = await screen.findByRole('table', { name: 'Invoices' });
    const paid = within(invoices).getByRole('rowheader', { name: 'INV-0001' }).closest('tr')!;
    expect(within(paid).getByText('Paid')).toBeInTheDocument();
    expect(
      within(paid).getByRole('link', { name: 'Download invoice INV-0001 (PDF)' }),
    ).toHaveAttribute('href', 'https://billing.example.com/INV-0001.pdf');
    const open = within(invoices).getByRole('rowheader', { name: 'INV-0002' }).closest('tr')!;
    expect(within(open).getByText('No PDF')).toBeInTheDocument();
    expect(within(open).getByText('€149.90')).toBeInTheDocument();
  });

  it('shows the seat effect before the owner confirms, then the new plan', async () => {
    const { user } = renderBilling(
      'OWNER',
      planMock(),
      billingMock(),
      {
        request: {
          query: ChangePlanDocument,
          variables: { organizationId: ORG_ID, plan: 'REAL_ESTATE' },
        },
        result: {
          data: {
            changePlan: {
              __typename: 'Organization' as const,
              id: ORG_ID,
              plan: 'REAL_ESTATE',
              seatLimit: null,
              seatsUsed: 3,
            },
          },
        },
      },
      planMock({ plan: 'REAL_ESTATE', seatLimit: null }),
    );

    await user.click(await screen.findByRole('button', { name: 'Change plan' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Change plan' }));
    expect(dialog.getByRole('radio', { name: /Dental \(current\)/ })).toBeInTheDocument();
    // Professional has 3 seats: 3 in use still fit.
    expect(dialog.getByText('3 of 10 seats used → 3 of 3')).toBeInTheDocument();
    expect(dialog.getByText('Minutes per cycle: 5,000 → 1,000')).toBeInTheDocument();

    await user.click(dialog.getByRole('radio', { name: /Real Estate/ }));
    expect(dialog.getByText('3 of 10 seats used → 3 of unlimited')).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Change to Real Estate' }));

    expect(await screen.findByText('You are on the Real Estate plan now.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('Real Estate plan')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change plan' })).toHaveFocus();
  });

  it('will not offer a plan with fewer seats than members and pending invitations take', async () => {
    const { user } = renderBilling('OWNER', planMock({ seatsUsed: 4 }), billingMock());

    await user.click(await screen.findByRole('button', { name: 'Change plan' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Change plan' }));
    expect(dialog.getByRole('radio', { name: /Professional/ })).toBeChecked();
    expect(dialog.getByText('4 of 10 seats used → 4 of 3')).toBeInTheDocument();
    expect(
      dialog.getByText(
        'Professional includes 3 seats, but members and pending invitations take 4. Remove members or revoke invitations on the Team page first.',
      ),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Change to Professional' })).toBeDisabled();
  });

  it('says why when the server refuses the change', async () => {
    const { user } = renderBilling('OWNER', planMock({ seatsUsed: 3 }), billingMock(), {
      request: {
        query: ChangePlanDocument,
        variables: { organizationId: ORG_ID, plan: 'PROFESSIONAL' },
      },
      result: errorResult('The Professional plan includes 3 seats…', {
        code: 'PLAN_LIMIT_REACHED',
        reason: 'PLAN_SEATS_TOO_FEW',
        params: { plan: 'Professional', limit: 3, used: 4 },
        limit: 3,
        used: 4,
      }),
    });

    await user.click(await screen.findByRole('button', { name: 'Change plan' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Change plan' }));
    await user.click(dialog.getByRole('button', { name: 'Change to Professional' }));
    expect(
      await dialog.findByText(
        'The Professional plan includes 3 seats, but members and pending invitations take 4; remove some first.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a viewer the plan and usage, but no change button, wallet or invoices', async () => {
    // On the cycle's first day: no forecast yet, said once.
    const firstDay = [
      counter('API_REQUESTS', 3, 500_000, null),
      counter('MINUTES', 9, 5_000, null),
    ];
    renderBilling('VIEWER', planMock({ myRole: 'VIEWER', usage: firstDay }));

    expect(await screen.findByText('Dental plan')).toBeInTheDocument();
    expect(screen.getByText('Forecasts show from the second day of the cycle.')).toBeVisible();
    expect(screen.queryByText(/At this pace/)).not.toBeInTheDocument();
    expect(screen.getByText('Only the owner changes the plan.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change plan' })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Usage this cycle' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Wallet balance' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Invoices' })).not.toBeInTheDocument();
  });
});
