import type { AtriumServer } from '../src/app';
import { newId } from '../src/db/columns';
import {
  LowBalanceAlertEntity,
  NotificationEntity,
} from '../src/modules/notification/notification.entities';
import { Actor, errorCode } from './support/graphql';
import { LiveClient } from './support/live';
import {
  MarkAllNotificationsRead,
  MarkNotificationsRead,
  MyLowBalanceAlerts,
  MyQuietHours,
  NOTIFICATION_FEED,
  Notifications,
  SendNotification,
  SetLowBalanceThreshold,
  SetQuietHours,
  UnreadNotificationCount,
  type NotificationFeedData,
} from './support/notification-documents';
import { seedApiKey, seedOrganization, type SeededOrganization } from './support/organizations';
import { PrivateRedis } from './support/redis';
import { startTestCluster } from './support/server';

/**
 * The in-app feed on two instances sharing one database and one Redis, as replicas behind a
 * proxy: a notification sent through A reaches a tab on B with the count the server holds.
 */
let a: AtriumServer;
let b: AtriumServer;
let redis: PrivateRedis | null = null;

beforeAll(async () => {
  if (!process.env.REDIS_URL) redis = await PrivateRedis.start();
  [a, b] = await startTestCluster(2, { REDIS_URL: process.env.REDIS_URL ?? redis!.url });
});

afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await redis?.stop();
});

afterEach(() => a.services.notifier.useClock(() => new Date()));

interface Team extends SeededOrganization {
  tool: Actor;
}

async function seedTeam(): Promise<Team> {
  const world = await seedOrganization(a)
    .member('owner', 'OWNER')
    .member('admin', 'ADMIN')
    .member('member', 'MEMBER')
    .build();
  const { actor } = await seedApiKey(a, world.id, ['NOTIFICATIONS_SEND']);
  return { ...world, tool: actor };
}

let counter = 0;
const send = (team: Team, accountId: string, title = `Item ${(counter += 1)}`) =>
  team.tool.run(SendNotification, {
    input: { accountId, type: 'SYSTEM_ALERT', title, body: 'Something happened' },
  });

const feedOf = (client: LiveClient) =>
  (client.events as NotificationFeedData[]).map((event) => event.notificationFeed);

/** Sends probes until one reaches every client (a subscription is live only once registered). */
async function untilFeedLive(team: Team, accountId: string, clients: LiveClient[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = await send(team, accountId, 'probe');
    const id = probe.sendNotification.notificationId!;
    try {
      await Promise.all(
        clients.map((client) =>
          client.waitFor(() => feedOf(client).some((e) => e.notification?.id === id), 500, 'probe'),
        ),
      );
      for (const client of clients) client.events.length = 0;
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

describe('the feed', () => {
  it('lists newest first, pages, filters unread, and counts what is unread', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    for (let i = 1; i <= 5; i += 1) await send(team, member.accountId, `Feed ${i}`);
    const first = await member.actor.run(Notifications, { first: 2 });
    expect(first.notifications.edges.map((e) => e.node.title)).toEqual(['Feed 5', 'Feed 4']);
    expect(first.unreadNotificationCount).toBe(5);
    const second = await member.actor.run(Notifications, {
      first: 10,
      after: first.notifications.pageInfo.endCursor,
    });
    expect(second.notifications.edges.map((e) => e.node.title)).toEqual([
      'Feed 3',
      'Feed 2',
      'Feed 1',
    ]);
    expect(second.notifications.pageInfo.hasNextPage).toBe(false);

    const [five, four] = first.notifications.edges.map((edge) => edge.node.id);
    // Someone else's id changes nothing.
    const other = await seedTeam();
    const foreign = await send(other, other.people.member.accountId);
    const marked = await member.actor.run(MarkNotificationsRead, {
      ids: [five, four, five, foreign.sendNotification.notificationId!],
    });
    expect(marked.markNotificationsRead).toBe(2);
    expect(
      (await other.people.member.actor.run(UnreadNotificationCount, {})).unreadNotificationCount,
    ).toBe(1);
    const unread = await member.actor.run(Notifications, { unreadOnly: true });
    expect(unread.notifications.edges.map((e) => e.node.title)).toEqual([
      'Feed 3',
      'Feed 2',
      'Feed 1',
    ]);
    expect(unread.unreadNotificationCount).toBe(3);
    expect((await member.actor.run(MarkAllNotificationsRead, {})).markAllNotificationsRead).toBe(3);
    expect((await member.actor.run(MarkAllNotificationsRead, {})).markAllNotificationsRead).toBe(0);
    const all = await member.actor.run(Notifications, {});
    expect(all.unreadNotificationCount).toBe(0);
    expect(all.notifications.edges.every((e) => e.node.readAt !== null)).toBe(true);
  });

  it('refuses more than 100 ids at once, and API keys', async () => {
    const team = await seedTeam();
    const tooMany = await team.people.member.actor.execute(MarkNotificationsRead, {
      ids: Array.from({ length: 101 }, () => newId()),
    });
    expect(tooMany.errors?.[0]?.extensions?.reasons).toEqual({ ids: 'NOTIFICATION_IDS_TOO_MANY' });
    expect(errorCode(await team.tool.execute(UnreadNotificationCount, {}))).toBe('FORBIDDEN');
  });

  it('prunes read notifications after 90 days, keeping unread and recent ones', async () => {
    const team = await seedTeam();
    const accountId = team.people.member.accountId;
    const day = 24 * 60 * 60 * 1000;
    const row = (title: string, ageDays: number, read: boolean) => ({
      id: newId(),
      accountId,
      organizationId: team.id,
      type: 'SYSTEM_ALERT' as const,
      title,
      body: '',
      link: null,
      createdAt: new Date(Date.now() - ageDays * day),
      readAt: read ? new Date(Date.now() - (ageDays - 1) * day) : null,
    });
    await a.dataSource
      .getRepository(NotificationEntity)
      .insert([
        row('old read', 91, true),
        row('old unread', 91, false),
        row('recent read', 89, true),
      ]);
    await a.services.notificationFeed.prune();
    const left = await a.dataSource.getRepository(NotificationEntity).findBy({ accountId });
    expect(left.map((n) => n.title).sort()).toEqual(['old unread', 'recent read']);
  });
});

describe('live over two instances (Redis)', () => {
  it('pushes each notification and the same unread count to every tab on every instance', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const token = member.actor.token!;
    const tabOnA = new LiveClient(a.url, { token });
    const tabOnB = new LiveClient(b.url, { token });
    const someoneElse = new LiveClient(b.url, { token: team.people.admin.actor.token! });
    try {
      for (const tab of [tabOnA, tabOnB, someoneElse]) tab.subscribe(NOTIFICATION_FEED);
      await untilFeedLive(team, member.accountId, [tabOnA, tabOnB]);
      const before = (await member.actor.run(UnreadNotificationCount, {})).unreadNotificationCount;

      const sent = await send(team, member.accountId, 'Campaign done');
      for (const tab of [tabOnA, tabOnB]) {
        await tab.waitFor(() => feedOf(tab).length > 0, 5000, 'the notification');
        expect(feedOf(tab)).toEqual([
          {
            unreadCount: before + 1,
            notification: expect.objectContaining({
              id: sent.sendNotification.notificationId,
              title: 'Campaign done',
              readAt: null,
            }),
          },
        ]);
      }
      // Reading on B brings every tab to 0.
      await new Actor(b.url).withToken(token).run(MarkAllNotificationsRead, {});
      for (const tab of [tabOnA, tabOnB]) {
        await tab.waitFor(() => feedOf(tab).at(-1)?.unreadCount === 0, 5000, 'the count of 0');
        expect(feedOf(tab).at(-1)).toEqual({ unreadCount: 0, notification: null });
      }
      expect(someoneElse.events).toEqual([]);
    } finally {
      await Promise.all([tabOnA.dispose(), tabOnB.dispose(), someoneElse.dispose()]);
    }
  });

  it('is for signed-in people only', async () => {
    const team = await seedTeam();
    const anonymous = new LiveClient(a.url);
    const tool = new LiveClient(a.url, {
      token: (await seedApiKey(a, team.id, ['NOTIFICATIONS_SEND'])).secret,
    });
    try {
      anonymous.subscribe(NOTIFICATION_FEED);
      tool.subscribe(NOTIFICATION_FEED);
      await anonymous.waitFor(() => anonymous.errors.length > 0, 5000, 'an error');
      await tool.waitFor(() => tool.errors.length > 0, 5000, 'an error');
      expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');
      expect(JSON.stringify(tool.errors)).toContain('FORBIDDEN');
    } finally {
      await Promise.all([anonymous.dispose(), tool.dispose()]);
    }
  });
});

describe('quiet hours and thresholds', () => {
  it('sets, reads and removes quiet hours; refuses times that are not times', async () => {
    const team = await seedTeam();
    const { actor } = team.people.member;
    expect((await actor.run(MyQuietHours, {})).myQuietHours).toBeNull();
    await actor.run(SetQuietHours, { input: { start: '21:30', end: '06:45' } });
    expect((await actor.run(MyQuietHours, {})).myQuietHours).toEqual({
      start: '21:30',
      end: '06:45',
      timezone: 'UTC',
    });
    const bad = await actor.execute(SetQuietHours, { input: { start: '25:00', end: '25:00' } });
    expect(bad.errors?.[0]?.extensions?.reasons).toEqual({
      start: 'QUIET_HOURS_TIME_INVALID',
      end: 'QUIET_HOURS_TIME_INVALID',
    });
    const empty = await actor.execute(SetQuietHours, { input: { start: '08:00', end: '08:00' } });
    expect(empty.errors?.[0]?.extensions?.reasons).toEqual({ end: 'QUIET_HOURS_EMPTY' });
    await actor.run(SetQuietHours, { input: null });
    expect((await actor.run(MyQuietHours, {})).myQuietHours).toBeNull();
  });

  it('lets OWNER and ADMIN set a low-balance threshold, with at most two decimals', async () => {
    const team = await seedTeam();
    const { admin, member } = team.people;
    const alerts = (await admin.actor.run(MyLowBalanceAlerts, {})).myLowBalanceAlerts;
    expect(alerts.map((alert) => alert.organizationId)).toContain(team.id);
    expect(
      (await member.actor.run(MyLowBalanceAlerts, {})).myLowBalanceAlerts.map(
        (x) => x.organizationId,
      ),
    ).not.toContain(team.id);
    const set = await admin.actor.run(SetLowBalanceThreshold, {
      input: { organizationId: team.id, threshold: 49.99 },
    });
    expect(set.setLowBalanceThreshold.threshold).toBe(49.99);
    for (const threshold of [0, -5, 0.001, 2e9]) {
      const bad = await admin.actor.execute(SetLowBalanceThreshold, {
        input: { organizationId: team.id, threshold },
      });
      expect(bad.errors?.[0]?.extensions?.reasons).toEqual({
        threshold: 'LOW_BALANCE_THRESHOLD_INVALID',
      });
    }
    const forbidden = await member.actor.execute(SetLowBalanceThreshold, {
      input: { organizationId: team.id, threshold: 10 },
    });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
  });
});

describe('the low-balance alert', () => {
  it('fires once below the threshold, re-arms only above 1.5 ×, and at most once a day', async () => {
    const team = await seedTeam();
    const { owner } = team.people;
    await owner.actor.run(SetLowBalanceThreshold, {
      input: { organizationId: team.id, threshold: 50 },
    });
    let now = new Date('2026-02-01T12:00:00Z');
    a.services.notifier.useClock(() => now);
    const alertsOf = (accountId: string) =>
      a.dataSource.getRepository(NotificationEntity).findBy({ accountId, type: 'LOW_BALANCE' });
    const report = (euros: number) =>
      a.services.wallets.recordBalance(team.id, { balanceCents: euros * 100, currency: 'EUR' });

    await report(100);
    expect(await alertsOf(owner.accountId)).toHaveLength(0);
    await report(40); // crosses below 50: fires
    expect(await alertsOf(owner.accountId)).toHaveLength(1);
    await report(30);
    await report(60); // above 50 but not above 75: still disarmed
    await report(45);
    expect(await alertsOf(owner.accountId)).toHaveLength(1);
    await report(80); // above 75: re-armed
    await report(40); // would fire, but the last alert was today
    expect(await alertsOf(owner.accountId)).toHaveLength(1);
    now = new Date('2026-02-02T12:00:01Z');
    await report(39); // a day later, still armed: fires
    const alerts = await alertsOf(owner.accountId);
    expect(alerts).toHaveLength(2);
    expect(alerts[1].title).toMatch(/^Low balance in Seeded /);
    expect(alerts[1].body).toContain('39.00');
    expect(alerts[1].body).toContain('50.00');
    // Each alert is mailed too (LOW_BALANCE × EMAIL is on by default), queued with it.
    const mails = (await a.dataSource.query(
      "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'mail.send' AND payload LIKE ?",
      [`%${owner.email}%Low balance in%`],
    )) as Array<{ n: number | string }>;
    expect(Number(mails[0].n)).toBe(2);
  });

  it('never tells a member whose role may not see the wallet', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    await a.dataSource.getRepository(LowBalanceAlertEntity).insert({
      accountId: member.accountId,
      organizationId: team.id,
      thresholdCents: 5000,
      armed: true,
      lastFiredAt: null,
      updatedAt: new Date(),
    });
    await a.services.wallets.recordBalance(team.id, { balanceCents: 1000, currency: 'EUR' });
    expect(
      await a.dataSource
        .getRepository(NotificationEntity)
        .countBy({ accountId: member.accountId, type: 'LOW_BALANCE' }),
    ).toBe(0);
  });
});
