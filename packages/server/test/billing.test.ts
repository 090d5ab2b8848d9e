import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { AtriumServer } from '../src/app';
import type { DomainEvent, DomainEventType } from '../src/events/domain-events';
import { cleanText } from '../src/lib/text';
import { AccountEntity } from '../src/modules/account/account.entity';
import type { ApiKeyScope } from '../src/modules/api-key/scopes';
import { InvoiceEntity } from '../src/modules/billing/invoice.entity';
import { WalletEntity } from '../src/modules/billing/wallet.entity';
import { InvitationEntity } from '../src/modules/invitation/invitation.entity';
import { NotificationEntity } from '../src/modules/notification/notification.entities';
import { OrganizationEntity } from '../src/modules/organization/organization.entity';
import { UsageCounterEntity } from '../src/modules/usage/usage-counter.entity';
import { UsageReportEntity } from '../src/modules/usage/usage-report.entity';
import { WebhookEventEntity } from '../src/modules/webhook/webhook-event.entity';
import { CreateApiKey, OrganizationName } from './support/api-key-documents';
import {
  ChangePlan,
  OrganizationBilling,
  OrganizationUsage,
  Plans,
  ReportUsage,
  SetWalletBalance,
  UpsertInvoice,
  type UpsertInvoiceVariables,
} from './support/billing-documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import { hostileString } from './support/hostile-strings';
import { SetLowBalanceThreshold } from './support/notification-documents';
import { OrganizationSeats, RevokeInvitation } from './support/organization-documents';
import { seedApiKey, seedOrganization, type SeededOrganization } from './support/organizations';
import { startTestServer } from './support/server';
import { CreateWebhookEndpoint } from './support/webhook-documents';

/**
 * Plan, usage and billing through the API, on whichever driver the run uses: the catalog,
 * usage metered and reported (once per idempotency key) in billing cycles that follow the
 * owner's time zone (an injected clock crosses a month end and a daylight-saving change),
 * changing plan against seats, and the wallet and invoices the billing service reports.
 */
let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterEach(() => atrium.services.usageClock.use());

afterAll(() => atrium.close());

/** The domain events of `type` said from now on, as subscribers see them. */
function recordEvents<T extends DomainEventType>(type: T): Array<DomainEvent<T>> {
  const seen: Array<DomainEvent<T>> = [];
  let listening = true;
  atrium.services.events.inTransaction(type, async (event) => {
    if (listening) seen.push(event);
  });
  afterEachStop.push(() => (listening = false));
  return seen;
}
const afterEachStop: Array<() => void> = [];
afterEach(() => afterEachStop.splice(0).forEach((stop) => stop()));

async function teamWithKey(
  scopes: readonly ApiKeyScope[],
  build = seedOrganization(atrium).member('owner', 'OWNER').member('admin', 'ADMIN'),
): Promise<{ team: SeededOrganization; tool: Actor; owner: Actor }> {
  const team = await build.build();
  const { actor } = await seedApiKey(atrium, team.id, scopes);
  return { team, tool: actor, owner: team.people.owner.actor };
}

const refusedFields = (result: GraphQLResult<unknown>) => {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return Object.keys((result.errors?.[0].extensions?.fields as object) ?? {}).sort();
};

const usageOf = async (actor: Actor, id: string) => {
  const { organization } = await actor.run(OrganizationUsage, { id });
  return Object.fromEntries(organization.usage.map((counter) => [counter.metric, counter]));
};

const setClock = (iso: string) => {
  const now = new Date(iso);
  atrium.services.usageClock.use(() => now);
};

async function setOwnerTimeZone(accountId: string, timezone: string): Promise<void> {
  await atrium.dataSource.getRepository(AccountEntity).update({ id: accountId }, { timezone });
}

describe('plans', () => {
  it('lists the catalog with seats and limits per cycle', async () => {
    const { plans } = await new Actor(atrium.url).run(Plans);
    expect(plans.map(({ code, name, seatLimit }) => ({ code, name, seatLimit }))).toEqual([
      { code: 'PROFESSIONAL', name: 'Professional', seatLimit: 3 },
      { code: 'DENTAL', name: 'Dental', seatLimit: 10 },
      { code: 'REAL_ESTATE', name: 'Real Estate', seatLimit: null },
    ]);
    expect(plans[0].limits).toEqual(
      expect.arrayContaining([
        { metric: 'API_REQUESTS', limit: 100_000 },
        { metric: 'MINUTES', limit: 1_000 },
      ]),
    );
    expect(plans[2].limits).toEqual([]);
  });

  it('lets the owner grant the billing scopes to a key', async () => {
    const team = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const created = await team.people.owner.actor.run(CreateApiKey, {
      input: {
        organizationId: team.id,
        name: 'Billing sync',
        scopes: ['ORGANIZATION_READ', 'USAGE_REPORT', 'BILLING_READ', 'BILLING_WRITE'],
      },
    });
    expect(created.createApiKey.apiKey.scopes).toEqual([
      'ORGANIZATION_READ',
      'USAGE_REPORT',
      'BILLING_READ',
      'BILLING_WRITE',
    ]);
  });
});

describe('usage', () => {
  it('counts a reported quantity once per idempotency key, even 20 retries at once', async () => {
    const { team, tool, owner } = await teamWithKey(['USAGE_REPORT']);
    const reported = recordEvents('usage.reported');
    const input = { metric: 'MINUTES', quantity: 42, idempotencyKey: `call-${randomUUID()}` };
    const first = await tool.run(ReportUsage, { input });
    expect(first.reportUsage).toMatchObject({ metric: 'MINUTES', quantity: 42, duplicate: false });
    const retries = await Promise.all(
      Array.from({ length: 20 }, () => tool.run(ReportUsage, { input })),
    );
    expect(retries.every(({ reportUsage }) => reportUsage.id === first.reportUsage.id)).toBe(true);
    expect(retries.every(({ reportUsage }) => reportUsage.duplicate)).toBe(true);
    expect((await usageOf(owner, team.id)).MINUTES.quantity).toBe(42);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({
      organizationId: team.id,
      data: { report: { metric: 'MINUTES', quantity: 42, idempotencyKey: input.idempotencyKey } },
    });

    // A second report adds; the same key for something else is a CONFLICT that counts nothing.
    await tool.run(ReportUsage, {
      input: { metric: 'MINUTES', quantity: 8, idempotencyKey: `call-${randomUUID()}` },
    });
    const reused = await tool.execute(ReportUsage, { input: { ...input, quantity: 43 } });
    expect(errorCode(reused)).toBe('CONFLICT');
    expect(reused.errors?.[0].extensions?.reason).toBe('USAGE_REPORT_KEY_REUSED');
    expect((await usageOf(owner, team.id)).MINUTES.quantity).toBe(50);
  });

  it('shows every usual metric, any other reported one, the plan’s limits and who may read it', async () => {
    const { team, tool } = await teamWithKey(
      ['USAGE_REPORT'],
      seedOrganization(atrium)
        .onPlan('PROFESSIONAL')
        .member('owner', 'OWNER')
        .member('viewer', 'VIEWER'),
    );
    for (const [metric, quantity] of [
      ['MESSAGES', 120],
      ['SMS_SEGMENTS', 7],
      ['GROUPS', 2],
    ] as const) {
      await tool.run(ReportUsage, {
        input: { metric, quantity, idempotencyKey: randomUUID() },
      });
    }
    const usage = await usageOf(team.people.viewer.actor, team.id);
    expect(Object.keys(usage)).toEqual([
      'API_REQUESTS',
      'MINUTES',
      'MESSAGES',
      'GROUPS',
      'SMS_SEGMENTS',
    ]);
    expect(usage.MESSAGES).toMatchObject({ quantity: 120, limit: 2_000 });
    expect(usage.MINUTES).toMatchObject({ quantity: 0, limit: 1_000 });
    expect(usage.SMS_SEGMENTS).toMatchObject({ quantity: 7, limit: null });
    // A key reads usage with BILLING_READ (and ORGANIZATION_READ to reach the organization).
    const reader = await seedApiKey(atrium, team.id, ['ORGANIZATION_READ', 'BILLING_READ']);
    expect((await usageOf(reader.actor, team.id)).GROUPS.quantity).toBe(2);
    const blind = await seedApiKey(atrium, team.id, ['ORGANIZATION_READ']);
    expect(errorCode(await blind.actor.execute(OrganizationUsage, { id: team.id }))).toBe(
      'FORBIDDEN',
    );
  });

  it('counts requests made with the organization’s keys into API_REQUESTS', async () => {
    const { team, tool, owner } = await teamWithKey(['ORGANIZATION_READ']);
    for (let i = 0; i < 7; i += 1) await tool.run(OrganizationName, { id: team.id });
    await atrium.services.usageMeter.flush();
    expect((await usageOf(owner, team.id)).API_REQUESTS.quantity).toBe(7);
  });

  it('refuses bad reports naming each field, and counts nothing', async () => {
    const { team, tool } = await teamWithKey(['USAGE_REPORT']);
    const bad = [
      [
        { metric: 'minutes', quantity: 0, idempotencyKey: '   ' },
        ['idempotencyKey', 'metric', 'quantity'],
      ],
      [{ metric: 'API_REQUESTS', quantity: 1, idempotencyKey: 'k' }, ['metric']],
      [{ metric: 'MINUTES', quantity: -5, idempotencyKey: 'k' }, ['quantity']],
      [{ metric: 'MINUTES', quantity: 1_000_000_001, idempotencyKey: 'k' }, ['quantity']],
      [{ metric: 'M'.repeat(41), quantity: 1, idempotencyKey: 'k' }, ['metric']],
      [{ metric: 'MINUTES', quantity: 1, idempotencyKey: 'k'.repeat(192) }, ['idempotencyKey']],
    ] as const;
    for (const [input, fields] of bad) {
      expect(refusedFields(await tool.execute(ReportUsage, { input }))).toEqual(fields);
    }
    const reports = await atrium.dataSource
      .getRepository(UsageReportEntity)
      .countBy({ organizationId: team.id });
    expect(reports).toBe(0);
  });

  it('is for keys with USAGE_REPORT: a person is FORBIDDEN, another key too', async () => {
    const { team, owner } = await teamWithKey(['USAGE_REPORT']);
    const input = { metric: 'MINUTES', quantity: 1, idempotencyKey: randomUUID() };
    expect(errorCode(await owner.execute(ReportUsage, { input }))).toBe('FORBIDDEN');
    const billing = await seedApiKey(atrium, team.id, ['BILLING_WRITE', 'BILLING_READ']);
    expect(errorCode(await billing.actor.execute(ReportUsage, { input }))).toBe('FORBIDDEN');
    expect(
      await atrium.dataSource
        .getRepository(UsageCounterEntity)
        .countBy({ organizationId: team.id }),
    ).toBe(0);
  });
});

describe('billing cycles, with an injected clock', () => {
  it('turn over at local midnight across a month end, in the owner’s time zone', async () => {
    const { team, tool, owner } = await teamWithKey(['USAGE_REPORT', 'ORGANIZATION_READ']);
    await setOwnerTimeZone(team.people.owner.accountId, 'Europe/Madrid');
    const report = (quantity: number) =>
      tool.run(ReportUsage, {
        input: { metric: 'MINUTES', quantity, idempotencyKey: randomUUID() },
      });

    // 31 January, 23:30 in Madrid (22:30 UTC): January's cycle.
    setClock('2026-01-31T22:30:00Z');
    await report(10);
    await tool.run(OrganizationName, { id: team.id }); // an API request, metered at the clock's time
    await atrium.services.usageMeter.flush();
    let read = await owner.run(OrganizationUsage, { id: team.id });
    expect(read.organization).toMatchObject({
      billingCycleStart: '2025-12-31T23:00:00.000Z',
      billingCycleEnd: '2026-01-31T23:00:00.000Z',
      billingTimeZone: 'Europe/Madrid',
    });
    let usage = Object.fromEntries(read.organization.usage.map((u) => [u.metric, u]));
    expect(usage.MINUTES).toMatchObject({ quantity: 10, asOf: '2026-01-31T22:30:00.000Z' });
    // Both calls the key made: the report and the read.
    expect(usage.API_REQUESTS.quantity).toBe(2);
    // 10 minutes in 30 days 23.5 hours of a 31-day cycle: the line ends at 10.
    expect(usage.MINUTES.forecast).toBe(10);

    // Ten minutes past midnight in Madrid is February: a new cycle, counted from zero.
    setClock('2026-01-31T23:10:00Z');
    await report(5);
    await atrium.services.usageMeter.flush();
    read = await owner.run(OrganizationUsage, { id: team.id });
    expect(read.organization.billingCycleStart).toBe('2026-01-31T23:00:00.000Z');
    expect(read.organization.billingCycleEnd).toBe('2026-02-28T23:00:00.000Z');
    usage = Object.fromEntries(read.organization.usage.map((u) => [u.metric, u]));
    expect(usage.MINUTES).toMatchObject({ quantity: 5, forecast: null });
    expect(usage.API_REQUESTS.quantity).toBe(1);

    // A week into February: 5 minutes in 7 of 28 days is 20 by the end.
    setClock('2026-02-07T23:00:00Z');
    expect((await usageOf(owner, team.id)).MINUTES).toMatchObject({ quantity: 5, forecast: 20 });
  });

  it('span a daylight-saving change by the wall clock: the cycle is an hour shorter', async () => {
    const { team, tool, owner } = await teamWithKey(
      ['USAGE_REPORT'],
      seedOrganization(atrium).cyclesStartOn(15).member('owner', 'OWNER'),
    );
    await setOwnerTimeZone(team.people.owner.accountId, 'Europe/Madrid');
    const report = (quantity: number) =>
      tool.run(ReportUsage, {
        input: { metric: 'MESSAGES', quantity, idempotencyKey: randomUUID() },
      });

    // Madrid moves to summer time on 29 March; the cycle of 15 March ends at 00:00 CEST.
    setClock('2026-04-14T21:59:00Z'); // 23:59 on 14 April in Madrid
    await report(3);
    const before = await owner.run(OrganizationUsage, { id: team.id });
    expect(before.organization).toMatchObject({
      billingCycleStart: '2026-03-14T23:00:00.000Z',
      billingCycleEnd: '2026-04-14T22:00:00.000Z',
    });
    setClock('2026-04-14T22:00:00Z'); // midnight: 15 April
    await report(4);
    const after = await owner.run(OrganizationUsage, { id: team.id });
    expect(after.organization.billingCycleStart).toBe('2026-04-14T22:00:00.000Z');
    const messages = after.organization.usage.find((u) => u.metric === 'MESSAGES');
    expect(messages?.quantity).toBe(4);
    setClock('2026-04-14T21:00:00Z');
    expect((await usageOf(owner, team.id)).MESSAGES.quantity).toBe(3);
  });
});

describe('changing plan', () => {
  it('moves the organization, says plan.changed in the transaction, and webhooks it', async () => {
    const team = await seedOrganization(atrium)
      .onPlan('PROFESSIONAL')
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .build();
    const owner = team.people.owner.actor;
    await owner.run(CreateWebhookEndpoint, {
      input: {
        organizationId: team.id,
        url: 'https://hooks.example.com/plans',
        eventTypes: ['plan.changed'],
      },
    });
    const changed = recordEvents('plan.changed');
    const { changePlan } = await owner.run(ChangePlan, { organizationId: team.id, plan: 'DENTAL' });
    expect(changePlan).toEqual({ id: team.id, plan: 'DENTAL', seatLimit: 10, seatsUsed: 2 });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      organizationId: team.id,
      caller: { kind: 'PERSON', account: { id: team.people.owner.accountId } },
      data: { previousPlan: 'PROFESSIONAL', plan: 'DENTAL' },
    });
    const webhook = await atrium.dataSource
      .getRepository(WebhookEventEntity)
      .findOneByOrFail({ organizationId: team.id, type: 'plan.changed' });
    expect(JSON.parse(webhook.data)).toEqual({ previousPlan: 'PROFESSIONAL', plan: 'DENTAL' });

    // The same plan again changes nothing and says nothing.
    await owner.run(ChangePlan, { organizationId: team.id, plan: 'DENTAL' });
    expect(changed).toHaveLength(1);
    // Only the owner: an admin is FORBIDDEN, and an unknown plan is bad input.
    const byAdmin = await team.people.admin.actor.execute(ChangePlan, {
      organizationId: team.id,
      plan: 'REAL_ESTATE',
    });
    expect(errorCode(byAdmin)).toBe('FORBIDDEN');
    expect(
      refusedFields(await owner.execute(ChangePlan, { organizationId: team.id, plan: 'GOLD' })),
    ).toEqual(['plan']);
  });

  it('is refused when members plus pending invitations exceed the new plan’s seats', async () => {
    const team = await seedOrganization(atrium)
      .onPlan('DENTAL')
      .member('owner', 'OWNER')
      .member('one', 'MEMBER')
      .member('two', 'VIEWER')
      .invitation('pending', 'VIEWER')
      .invitation('stale', 'VIEWER')
      .build();
    const owner = team.people.owner.actor;
    // An expired invitation takes no seat.
    await atrium.dataSource
      .getRepository(InvitationEntity)
      .update({ id: team.invitations.stale.id }, { expiresAt: new Date(Date.now() - 1000) });
    const refused = await owner.execute(ChangePlan, {
      organizationId: team.id,
      plan: 'PROFESSIONAL',
    });
    expect(errorCode(refused)).toBe('PLAN_LIMIT_REACHED');
    expect(refused.errors?.[0].extensions).toMatchObject({
      reason: 'PLAN_SEATS_TOO_FEW',
      limit: 3,
      used: 4,
      params: { plan: 'Professional', limit: 3, used: 4 },
    });
    const organization = await atrium.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: team.id });
    expect(organization.plan).toBe('DENTAL');

    await owner.run(RevokeInvitation, { id: team.invitations.pending.id });
    const { changePlan } = await owner.run(ChangePlan, {
      organizationId: team.id,
      plan: 'PROFESSIONAL',
    });
    expect(changePlan).toMatchObject({ plan: 'PROFESSIONAL', seatLimit: 3, seatsUsed: 3 });
    const seats = await owner.run(OrganizationSeats, { id: team.id });
    expect(seats.organization).toEqual({ seatLimit: 3, seatsUsed: 3 });
  });
});

describe('the wallet', () => {
  it('takes the billing service’s balance; an older report changes nothing', async () => {
    const { team, tool, owner } = await teamWithKey(['BILLING_WRITE']);
    const balances = recordEvents('wallet.balance_changed');
    await tool.run(SetWalletBalance, {
      input: { amount: 120.5, currency: 'EUR', asOf: '2026-01-10T10:00:00.000Z' },
    });
    const stale = await tool.run(SetWalletBalance, {
      input: { amount: 999, currency: 'EUR', asOf: '2026-01-10T09:00:00.000Z' },
    });
    expect(stale.setWalletBalance).toEqual({
      amount: 120.5,
      currency: 'EUR',
      asOf: '2026-01-10T10:00:00.000Z',
    });
    // The same report again (a retry) says nothing.
    await tool.run(SetWalletBalance, {
      input: { amount: 120.5, currency: 'EUR', asOf: '2026-01-10T10:00:00.000Z' },
    });
    expect(balances).toHaveLength(1);
    expect(balances[0].data).toEqual({
      previousCents: null,
      balanceCents: 12050,
      currency: 'EUR',
      asOf: '2026-01-10T10:00:00.000Z',
    });
    const { organization } = await owner.run(OrganizationBilling, { id: team.id });
    expect(organization.walletBalance).toEqual({
      amount: 120.5,
      currency: 'EUR',
      asOf: '2026-01-10T10:00:00.000Z',
    });
    // Members below ADMIN do not see it.
    const viewer = await seedOrganization(atrium).member('viewer', 'VIEWER').build();
    const read = await viewer.people.viewer.actor.execute(OrganizationBilling, { id: viewer.id });
    expect(errorCode(read)).toBe('FORBIDDEN');
  });

  it('alerts an owner whose threshold the balance crosses', async () => {
    const { team, tool, owner } = await teamWithKey(['BILLING_WRITE']);
    await owner.run(SetLowBalanceThreshold, { input: { organizationId: team.id, threshold: 50 } });
    await tool.run(SetWalletBalance, { input: { amount: 80, currency: 'EUR' } });
    await tool.run(SetWalletBalance, { input: { amount: 49.99, currency: 'EUR' } });
    const alerts = await atrium.dataSource
      .getRepository(NotificationEntity)
      .findBy({ accountId: team.people.owner.accountId, type: 'LOW_BALANCE' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].body).toContain('49.99');
  });

  it('refuses bad reports naming each field, and writes nothing', async () => {
    const { team, tool } = await teamWithKey(['BILLING_WRITE']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const result = await tool.execute(SetWalletBalance, {
      input: { amount: 10.001, currency: 'eur', asOf: future },
    });
    expect(refusedFields(result)).toEqual(['amount', 'asOf', 'currency']);
    for (const amount of [Number.MAX_VALUE, 1e9 + 1, -1e9 - 1]) {
      const refused = await tool.execute(SetWalletBalance, { input: { amount, currency: 'EUR' } });
      expect(refusedFields(refused)).toEqual(['amount']);
    }
    expect(
      refusedFields(
        await tool.execute(SetWalletBalance, { input: { amount: 1, currency: 'XXX' } }),
      ),
    ).toEqual(['currency']);
    expect(
      await atrium.dataSource.getRepository(WalletEntity).countBy({ organizationId: team.id }),
    ).toBe(0);
  });
});

describe('invoices', () => {
  const invoice = (
    number: string,
    changes: Partial<UpsertInvoiceVariables['input']> = {},
  ): UpsertInvoiceVariables => ({
    input: {
      number,
      periodStart: '2026-01-01T00:00:00.000Z',
      periodEnd: '2026-02-01T00:00:00.000Z',
      amount: 149.9,
      currency: 'EUR',
      status: 'OPEN',
      ...changes,
    },
  });

  it('are upserted by number: the same report again says nothing, a final one keeps its amount', async () => {
    const { team, tool, owner } = await teamWithKey(['BILLING_WRITE']);
    const recorded = recordEvents('invoice.recorded');
    const first = await tool.run(UpsertInvoice, invoice('INV-0001'));
    expect(first.upsertInvoice).toMatchObject({ number: 'INV-0001', amount: 149.9, pdfUrl: null });
    await tool.run(UpsertInvoice, invoice('INV-0001'));
    expect(recorded).toHaveLength(1);
    const paid = await tool.run(UpsertInvoice, invoice('INV-0001', { status: 'PAID' }));
    expect(paid.upsertInvoice).toMatchObject({ id: first.upsertInvoice.id, status: 'PAID' });
    expect(recorded).toHaveLength(2);
    expect(recorded[1].data).toMatchObject({
      invoice: { number: 'INV-0001', status: 'PAID', amount: 149.9, currency: 'EUR' },
      previous: { status: 'OPEN' },
    });
    expect(recorded[1].organizationId).toBe(team.id);

    // Paid is final: its amount and status stay; the PDF may still come.
    const reopened = await tool.execute(UpsertInvoice, invoice('INV-0001', { status: 'OPEN' }));
    expect(errorCode(reopened)).toBe('CONFLICT');
    expect(reopened.errors?.[0].extensions?.reason).toBe('INVOICE_FINAL');
    const pdfUrl = 'https://billing.example.com/invoices/INV-0001.pdf';
    const withPdf = await tool.run(UpsertInvoice, invoice('INV-0001', { status: 'PAID', pdfUrl }));
    expect(withPdf.upsertInvoice.pdfUrl).toBe(pdfUrl);
    const { organization } = await owner.run(OrganizationBilling, { id: team.id });
    expect(organization.invoices.edges.map((edge) => edge.node)).toEqual([withPdf.upsertInvoice]);
  });

  it('list newest period first, a page at a time', async () => {
    const { team, tool, owner } = await teamWithKey(['BILLING_WRITE']);
    for (const month of ['01', '03', '02']) {
      await tool.run(
        UpsertInvoice,
        invoice(`INV-${month}`, {
          periodStart: `2026-${month}-01T00:00:00.000Z`,
          periodEnd: `2026-${month}-28T00:00:00.000Z`,
        }),
      );
    }
    const first = await owner.run(OrganizationBilling, { id: team.id, first: 2 });
    expect(first.organization.invoices.edges.map((e) => e.node.number)).toEqual([
      'INV-03',
      'INV-02',
    ]);
    expect(first.organization.invoices.pageInfo.hasNextPage).toBe(true);
    const rest = await owner.run(OrganizationBilling, {
      id: team.id,
      first: 2,
      after: first.organization.invoices.pageInfo.endCursor,
    });
    expect(rest.organization.invoices.edges.map((e) => e.node.number)).toEqual(['INV-01']);
    expect(rest.organization.invoices.pageInfo.hasNextPage).toBe(false);
    const forged = await owner.execute(OrganizationBilling, { id: team.id, after: 'bm9wZQ' });
    expect(refusedFields(forged)).toEqual(['after']);
  });

  it('refuse bad reports naming each field, and write nothing', async () => {
    const { team, tool } = await teamWithKey(['BILLING_WRITE']);
    const result = await tool.execute(
      UpsertInvoice,
      invoice('  ', {
        periodEnd: '2025-12-01T00:00:00.000Z',
        amount: -1,
        currency: 'eur',
        pdfUrl: 'javascript:alert(1)',
      }),
    );
    expect(refusedFields(result)).toEqual(['amount', 'currency', 'number', 'pdfUrl', 'periodEnd']);
    expect(refusedFields(await tool.execute(UpsertInvoice, invoice('N'.repeat(65))))).toEqual([
      'number',
    ]);
    expect(
      refusedFields(await tool.execute(UpsertInvoice, invoice('A', { amount: 0.125 }))),
    ).toEqual(['amount']);
    expect(
      await atrium.dataSource.getRepository(InvoiceEntity).countBy({ organizationId: team.id }),
    ).toBe(0);
  });

  it('are written only with BILLING_WRITE and read with BILLING_READ', async () => {
    const { team, owner } = await teamWithKey([]);
    const reader = await seedApiKey(atrium, team.id, ['ORGANIZATION_READ', 'BILLING_READ']);
    expect(errorCode(await reader.actor.execute(UpsertInvoice, invoice('INV-9')))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await owner.execute(UpsertInvoice, invoice('INV-9')))).toBe('FORBIDDEN');
    const read = await reader.actor.run(OrganizationBilling, { id: team.id });
    expect(read.organization).toEqual({
      walletBalance: null,
      invoices: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });
});

describe('hostile strings into the billing service’s and the owner’s arguments', () => {
  const RUNS = Number(process.env.HOSTILE_RUNS ?? 30);

  /** Never an internal error; malformed text refused naming its field; nothing half-written. */
  async function check(
    field: string,
    call: (text: string) => Promise<GraphQLResult<unknown>>,
    rows: () => Promise<unknown>,
    valid: string,
  ): Promise<void> {
    await fc.assert(
      fc.asyncProperty(hostileString(valid), async (text) => {
        const before = JSON.stringify(await rows());
        const result = await call(text);
        expect(result.status).toBeLessThan(500);
        expect(errorCode(result)).not.toBe('INTERNAL_SERVER_ERROR');
        if (!cleanText(text).ok) {
          expect(errorCode(result)).toBe('BAD_USER_INPUT');
          expect(result.errors?.[0].extensions?.fields).toHaveProperty([field]);
        }
        if (result.errors) expect(JSON.stringify(await rows())).toBe(before);
      }),
      { numRuns: RUNS },
    );
  }

  it('reportUsage, setWalletBalance, upsertInvoice, changePlan', async () => {
    const { team, tool, owner } = await teamWithKey(['USAGE_REPORT', 'BILLING_WRITE']);
    const { manager } = atrium.dataSource;
    const where = { where: { organizationId: team.id }, order: { id: 'ASC' } } as const;
    const reports = () => manager.find(UsageReportEntity, where);
    await check(
      'metric',
      (metric) =>
        tool.execute(ReportUsage, { input: { metric, quantity: 1, idempotencyKey: randomUUID() } }),
      reports,
      'MINUTES',
    );
    await check(
      'idempotencyKey',
      (idempotencyKey) =>
        tool.execute(ReportUsage, { input: { metric: 'MINUTES', quantity: 1, idempotencyKey } }),
      reports,
      'call-123',
    );
    await check(
      'currency',
      (currency) => tool.execute(SetWalletBalance, { input: { amount: 1, currency } }),
      () => manager.findBy(WalletEntity, { organizationId: team.id }),
      'EUR',
    );
    const invoices = () => manager.find(InvoiceEntity, where);
    for (const [field, valid] of [
      ['number', 'INV-7'],
      ['currency', 'EUR'],
      ['pdfUrl', 'https://billing.example.com/i.pdf'],
    ] as const) {
      await check(
        field,
        (text) => tool.execute(UpsertInvoice, invoice(`H-${randomUUID()}`, { [field]: text })),
        invoices,
        valid,
      );
    }
    await check(
      'plan',
      (plan) => owner.execute(ChangePlan, { organizationId: team.id, plan }),
      () => manager.findOneBy(OrganizationEntity, { id: team.id }),
      'DENTAL',
    );
  }, 120_000);

  // The helper above; described here so the property reads first.
  function invoice(number: string, changes: Record<string, string> = {}) {
    return {
      input: {
        number,
        periodStart: '2026-01-01T00:00:00.000Z',
        periodEnd: '2026-02-01T00:00:00.000Z',
        amount: 10,
        currency: 'EUR',
        status: 'OPEN' as const,
        ...changes,
      },
    };
  }
});
