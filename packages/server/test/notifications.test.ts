import type { AtriumServer } from '../src/app';
import { JobEntity } from '../src/jobs/job.entity';
import { AccountEntity } from '../src/modules/account/account.entity';
import {
  ALL_CELLS,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationType,
} from '../src/modules/notification/notification-catalog';
import { NotificationEntity } from '../src/modules/notification/notification.entities';
import { errorCode } from './support/graphql';
import {
  MyNotificationPreferences,
  OrganizationNotificationRules,
  SendNotification,
  SetQuietHours,
  UpdateNotificationPreferences,
  UpdateNotificationRules,
  type PreferenceFields,
  type SendNotificationVariables,
} from './support/notification-documents';
import { seedApiKey, seedOrganization, type SeededOrganization } from './support/organizations';
import { eventually } from './support/jobs';
import { FakeSmsProvider } from './support/sms-provider';
import { SmtpInbox, type ReceivedMail } from './support/smtp';
import { startTestServer } from './support/server';
import type { Actor } from './support/graphql';

let atrium: AtriumServer;
let inbox: SmtpInbox;
let sms: FakeSmsProvider;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  sms = await FakeSmsProvider.start();
  atrium = await startTestServer({ SMTP_URL: inbox.url, ...sms.env });
});

afterAll(async () => {
  await atrium.close();
  await inbox.close();
  await sms.close();
});

afterEach(() => atrium.services.notifier.useClock(() => new Date()));

interface Team extends SeededOrganization {
  /** A tool of the organization holding NOTIFICATIONS_SEND. */
  tool: Actor;
}

async function seedTeam(): Promise<Team> {
  const world = await seedOrganization(atrium)
    .member('owner', 'OWNER')
    .member('member', 'MEMBER')
    .build();
  const { actor } = await seedApiKey(atrium, world.id, ['NOTIFICATIONS_SEND']);
  return { ...world, tool: actor };
}

const cellOf = (matrix: PreferenceFields[], type: NotificationType, channel: NotificationChannel) =>
  matrix.find((cell) => cell.type === type && cell.channel === channel);

async function verifyPhone(accountId: string, phone: string): Promise<void> {
  await atrium.dataSource
    .getRepository(AccountEntity)
    .update({ id: accountId }, { phone, phoneVerifiedAt: new Date() });
}

let sent = 0;
function notice(
  accountId: string,
  type: NotificationType,
  extra: Partial<SendNotificationVariables['input']> = {},
): SendNotificationVariables {
  sent += 1;
  return {
    input: { accountId, type, title: `Notice ${sent} ${type}`, body: `Body ${sent}`, ...extra },
  };
}

/** A header as it was sent (unfolded), or null. */
function headerOf(mail: ReceivedMail, name: string): string | null {
  const line = mail.parsed.headerLines.find((header) => header.key === name)?.line;
  return line
    ? line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim()
    : null;
}

function mailJobsTo(email: string): Promise<JobEntity[]> {
  return atrium.dataSource
    .getRepository(JobEntity)
    .createQueryBuilder('j')
    .where('j.kind = :kind', { kind: 'mail.send' })
    .andWhere('j.payload LIKE :to', { to: `%"to":"${email}"%` })
    .getMany();
}

describe('the preference matrix', () => {
  it('is every type × channel with sensible defaults, security locked with the reason', async () => {
    const team = await seedTeam();
    const { myNotificationPreferences: matrix } = await team.people.member.actor.run(
      MyNotificationPreferences,
      {},
    );
    expect(matrix.map((cell) => `${cell.type}:${cell.channel}`)).toEqual(
      ALL_CELLS.map((cell) => `${cell.type}:${cell.channel}`),
    );
    expect(cellOf(matrix, 'CAMPAIGN_COMPLETED', 'EMAIL')).toMatchObject({
      enabled: true,
      source: 'DEFAULT',
      locked: false,
    });
    expect(cellOf(matrix, 'SYSTEM_ALERT', 'EMAIL')).toMatchObject({ enabled: false });
    expect(matrix.filter((cell) => cell.channel === 'SMS' && cell.enabled)).toEqual([]);
    expect(matrix.filter((cell) => cell.type !== 'SECURITY').every((c) => !c.locked)).toBe(true);
    for (const channel of NOTIFICATION_CHANNELS) {
      expect(cellOf(matrix, 'SECURITY', channel)).toMatchObject({
        locked: true,
        source: 'LOCKED',
        enabled: channel !== 'SMS',
        lockedReason: expect.stringMatching(/security/i),
      });
    }
  });

  it('takes the workspace rules as defaults, and a person’s own choice over them', async () => {
    const team = await seedTeam();
    const { owner, member } = team.people;
    await owner.actor.run(UpdateNotificationRules, {
      input: {
        organizationId: team.id,
        rules: [
          { type: 'CAMPAIGN_STATUS', channel: 'EMAIL', enabled: true },
          { type: 'PRODUCT_UPDATES', channel: 'EMAIL', enabled: false },
        ],
      },
    });
    const rules = await owner.actor.run(OrganizationNotificationRules, { id: team.id });
    expect(cellOf(rules.organization!.notificationRules, 'CAMPAIGN_STATUS', 'EMAIL')).toMatchObject(
      { enabled: true, source: 'ORGANIZATION', defaultEnabled: false },
    );

    const inTeam = { organizationId: team.id };
    let matrix = (await member.actor.run(MyNotificationPreferences, inTeam))
      .myNotificationPreferences;
    expect(cellOf(matrix, 'CAMPAIGN_STATUS', 'EMAIL')).toMatchObject({
      enabled: true,
      source: 'ORGANIZATION',
      defaultEnabled: true,
    });
    expect(cellOf(matrix, 'PRODUCT_UPDATES', 'EMAIL')).toMatchObject({
      enabled: false,
      source: 'ORGANIZATION',
    });
    // The member's own organization has no rules: there the default holds.
    const own = (
      await member.actor.run(MyNotificationPreferences, {
        organizationId: member.ownOrganizationId,
      })
    ).myNotificationPreferences;
    expect(cellOf(own, 'CAMPAIGN_STATUS', 'EMAIL')).toMatchObject({
      enabled: false,
      source: 'DEFAULT',
    });

    matrix = (
      await member.actor.run(UpdateNotificationPreferences, {
        ...inTeam,
        input: [{ type: 'CAMPAIGN_STATUS', channel: 'EMAIL', enabled: false }],
      })
    ).updateNotificationPreferences;
    expect(cellOf(matrix, 'CAMPAIGN_STATUS', 'EMAIL')).toMatchObject({
      enabled: false,
      source: 'PERSONAL',
      defaultEnabled: true,
    });
    // A later rule change does not override the person's choice.
    await owner.actor.run(UpdateNotificationRules, {
      input: {
        organizationId: team.id,
        rules: [{ type: 'CAMPAIGN_STATUS', channel: 'EMAIL', enabled: true }],
      },
    });
    matrix = (await member.actor.run(MyNotificationPreferences, inTeam)).myNotificationPreferences;
    expect(cellOf(matrix, 'CAMPAIGN_STATUS', 'EMAIL')).toMatchObject({
      source: 'PERSONAL',
      enabled: false,
    });
    // null drops the choice: the rule applies again.
    matrix = (
      await member.actor.run(UpdateNotificationPreferences, {
        ...inTeam,
        input: [{ type: 'CAMPAIGN_STATUS', channel: 'EMAIL', enabled: null }],
      })
    ).updateNotificationPreferences;
    expect(cellOf(matrix, 'CAMPAIGN_STATUS', 'EMAIL')).toMatchObject({
      enabled: true,
      source: 'ORGANIZATION',
    });
  });

  it('refuses locked cells with BAD_USER_INPUT naming them, and writes nothing of the change', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const before = (await member.actor.run(MyNotificationPreferences, {}))
      .myNotificationPreferences;
    const result = await member.actor.execute(UpdateNotificationPreferences, {
      input: [
        { type: 'BILLING', channel: 'SMS', enabled: true },
        { type: 'SECURITY', channel: 'EMAIL', enabled: false },
      ],
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.reasons).toEqual({
      'input.1.type': 'NOTIFICATION_CELL_LOCKED',
    });
    const rules = await team.people.owner.actor.execute(UpdateNotificationRules, {
      input: {
        organizationId: team.id,
        rules: [{ type: 'SECURITY', channel: 'IN_APP', enabled: false }],
      },
    });
    expect(rules.errors?.[0]?.extensions?.reasons).toEqual({
      'rules.0.type': 'NOTIFICATION_CELL_LOCKED',
    });
    const after = (await member.actor.run(MyNotificationPreferences, {})).myNotificationPreferences;
    expect(after).toEqual(before);
  });

  it('answers NOT_FOUND for the matrix in an organization that is not mine', async () => {
    const team = await seedTeam();
    const other = await seedTeam();
    const result = await team.people.member.actor.execute(MyNotificationPreferences, {
      organizationId: other.id,
    });
    expect(errorCode(result)).toBe('NOT_FOUND');
  });
});

describe('sending honours the matrix', () => {
  it('email: a mail with one-click unsubscribe when on, none when off', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const on = await team.tool.run(
      SendNotification,
      notice(member.accountId, 'CAMPAIGN_COMPLETED', { link: '/campaigns/7' }),
    );
    expect(on.sendNotification.channels).toEqual(['IN_APP', 'EMAIL']);
    const mail = await inbox.waitFor(member.email, /CAMPAIGN_COMPLETED/);
    expect(mail.text).toContain('/campaigns/7');
    expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(mail, 'list-unsubscribe')).toMatch(
      /^<http:\/\/localhost:\d+\/notifications\/unsubscribe\?token=[\w.-]+>$/,
    );

    await member.actor.run(UpdateNotificationPreferences, {
      input: [{ type: 'CAMPAIGN_COMPLETED', channel: 'EMAIL', enabled: false }],
    });
    const off = await team.tool.run(
      SendNotification,
      notice(member.accountId, 'CAMPAIGN_COMPLETED'),
    );
    expect(off.sendNotification.channels).toEqual(['IN_APP']);
    // A later notice by email arrives, so the one turned off would have too.
    await team.tool.run(SendNotification, notice(member.accountId, 'BILLING'));
    await inbox.waitFor(member.email, /BILLING/);
    expect(
      inbox.mailsTo(member.email).filter((m) => /CAMPAIGN_COMPLETED/.test(m.subject)),
    ).toHaveLength(1);
  });

  it('SMS: a text to the verified phone when on, none when off or unverified', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const phone = `+3469${String(Date.now()).slice(-7)}`;
    await member.actor.run(UpdateNotificationPreferences, {
      input: [
        { type: 'MISSED_CALL', channel: 'SMS', enabled: true },
        { type: 'BILLING', channel: 'SMS', enabled: true },
      ],
    });
    const unverified = await team.tool.run(
      SendNotification,
      notice(member.accountId, 'MISSED_CALL'),
    );
    expect(unverified.sendNotification.channels).not.toContain('SMS');
    await verifyPhone(member.accountId, phone);
    const on = await team.tool.run(
      SendNotification,
      notice(member.accountId, 'MISSED_CALL', { link: 'https://app.example.com/calls/1' }),
    );
    expect(on.sendNotification.channels).toContain('SMS');
    await eventually('the text', () =>
      sms.messages.some((m) => m.to === phone && m.body.includes('MISSED_CALL')),
    );
    expect(sms.messages.find((m) => m.to === phone)?.body).toContain(
      'https://app.example.com/calls/1',
    );

    await member.actor.run(UpdateNotificationPreferences, {
      input: [{ type: 'MISSED_CALL', channel: 'SMS', enabled: false }],
    });
    const off = await team.tool.run(SendNotification, notice(member.accountId, 'MISSED_CALL'));
    expect(off.sendNotification.channels).not.toContain('SMS');
    await team.tool.run(SendNotification, notice(member.accountId, 'BILLING'));
    await eventually('the later text', () =>
      sms.messages.some((m) => m.to === phone && m.body.includes('BILLING')),
    );
    expect(
      sms.messages.filter((m) => m.to === phone && m.body.includes('MISSED_CALL')),
    ).toHaveLength(1);
  });

  it('in-app: a feed item when on, none when off', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const on = await team.tool.run(SendNotification, notice(member.accountId, 'SYSTEM_ALERT'));
    expect(on.sendNotification.channels).toEqual(['IN_APP']);
    expect(on.sendNotification.notificationId).not.toBeNull();
    await member.actor.run(UpdateNotificationPreferences, {
      input: [{ type: 'SYSTEM_ALERT', channel: 'IN_APP', enabled: false }],
    });
    const off = await team.tool.run(SendNotification, notice(member.accountId, 'SYSTEM_ALERT'));
    expect(off.sendNotification).toMatchObject({ channels: [], notificationId: null });
    const items = await atrium.dataSource
      .getRepository(NotificationEntity)
      .countBy({ accountId: member.accountId });
    expect(items).toBe(1);
  });

  it('security notices ignore the matrix: email and in-app always, no unsubscribe link', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const result = await team.tool.run(SendNotification, notice(member.accountId, 'SECURITY'));
    expect(result.sendNotification.channels).toEqual(['IN_APP', 'EMAIL']);
    const mail = await inbox.waitFor(member.email, /SECURITY/);
    expect(headerOf(mail, 'list-unsubscribe')).toBeNull();
  });

  it('writes in the person’s language', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    await atrium.dataSource
      .getRepository(AccountEntity)
      .update({ id: member.accountId }, { locale: 'es' });
    await team.tool.run(
      SendNotification,
      notice(member.accountId, 'BILLING', {
        title: 'Invoice ready',
        localized: [{ locale: 'es', title: 'Factura lista', body: 'Tu factura de marzo' }],
      }),
    );
    const mail = await inbox.waitFor(member.email, /Factura lista/);
    expect(mail.text).toContain('Tu factura de marzo');
    expect(mail.text).toContain('Hola,');
    expect(mail.text).toContain('Desactivar estos correos');
  });

  it('holds email and SMS in quiet hours (person’s time zone), not in-app nor security', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    await verifyPhone(member.accountId, `+3469${String(Date.now() + 1).slice(-7)}`);
    await atrium.dataSource
      .getRepository(AccountEntity)
      .update({ id: member.accountId }, { timezone: 'Europe/Madrid' });
    await member.actor.run(SetQuietHours, { input: { start: '22:00', end: '07:00' } });
    await member.actor.run(UpdateNotificationPreferences, {
      input: [{ type: 'BILLING', channel: 'SMS', enabled: true }],
    });
    // 23:30 in Madrid: held until 07:00 Madrid, 06:00Z.
    atrium.services.notifier.useClock(() => new Date('2026-01-15T22:30:00Z'));
    const held = await team.tool.run(SendNotification, notice(member.accountId, 'BILLING'));
    expect(held.sendNotification.channels).toEqual(['IN_APP', 'EMAIL', 'SMS']);
    const mails = await mailJobsTo(member.email);
    expect(mails.map((job) => job.runAt.toISOString())).toEqual(['2026-01-16T06:00:00.000Z']);
    const texts = await atrium.dataSource.getRepository(JobEntity).findBy({ kind: 'sms.send' });
    const heldText = texts.find((job) => job.payload.includes(`Notice ${sent} BILLING`));
    expect(heldText?.runAt.toISOString()).toBe('2026-01-16T06:00:00.000Z');

    const security = await team.tool.run(SendNotification, notice(member.accountId, 'SECURITY'));
    expect(security.sendNotification.channels).toEqual(['IN_APP', 'EMAIL']);
    await inbox.waitFor(member.email, /SECURITY/);

    // 07:00 Madrid: the window is over, mail goes at once.
    atrium.services.notifier.useClock(() => new Date('2026-01-16T06:00:00Z'));
    await team.tool.run(SendNotification, notice(member.accountId, 'CONTACT_IMPORT'));
    await inbox.waitFor(member.email, /CONTACT_IMPORT/);
  });
});

describe('sendNotification', () => {
  it('sends once per idempotency key, even for 10 calls at once', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const variables = notice(member.accountId, 'USAGE_ALERT', {
      idempotencyKey: 'usage-80-percent',
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => team.tool.execute(SendNotification, variables)),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(Array(10).fill(undefined));
    const ids = new Set(answers.map((answer) => answer.data!.sendNotification.id));
    expect(ids.size).toBe(1);
    expect(
      await atrium.dataSource
        .getRepository(NotificationEntity)
        .countBy({ accountId: member.accountId }),
    ).toBe(1);
    expect(await mailJobsTo(member.email)).toHaveLength(1);
    // Another key sends again.
    await team.tool.run(SendNotification, {
      input: { ...variables.input, idempotencyKey: 'usage-90-percent' },
    });
    expect(
      await atrium.dataSource
        .getRepository(NotificationEntity)
        .countBy({ accountId: member.accountId }),
    ).toBe(2);
  });

  it('reaches only members of the key’s organization, with safe links', async () => {
    const team = await seedTeam();
    const outsider = await seedTeam();
    const notMember = await team.tool.execute(
      SendNotification,
      notice(outsider.people.member.accountId, 'BILLING'),
    );
    expect(errorCode(notMember)).toBe('NOT_FOUND');
    expect(notMember.errors?.[0]?.extensions?.reason).toBe('NOTIFICATION_RECIPIENT_NOT_FOUND');
    for (const link of ['javascript:alert(1)', '//evil.example.com', 'data:text/html,hi']) {
      const result = await team.tool.execute(
        SendNotification,
        notice(team.people.member.accountId, 'BILLING', { link }),
      );
      expect(result.errors?.[0]?.extensions?.reasons).toEqual({
        link: 'NOTIFICATION_LINK_INVALID',
      });
    }
    const blank = await team.tool.execute(
      SendNotification,
      notice(team.people.member.accountId, 'BILLING', { title: '   ' }),
    );
    expect(blank.errors?.[0]?.extensions?.reasons).toEqual({ title: 'NOTIFICATION_TEXT_REQUIRED' });
    const person = await team.people.owner.actor.execute(
      SendNotification,
      notice(team.people.member.accountId, 'BILLING'),
    );
    expect(errorCode(person)).toBe('FORBIDDEN');
    expect(
      await atrium.dataSource
        .getRepository(NotificationEntity)
        .countBy({ accountId: team.people.member.accountId }),
    ).toBe(0);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  async function mailWithLink(
    team: Team,
    type: NotificationType,
  ): Promise<{ url: string; mail: ReceivedMail }> {
    await team.tool.run(SendNotification, notice(team.people.member.accountId, type));
    const mail = await inbox.waitFor(team.people.member.email, new RegExp(type));
    const header =
      mail.parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '';
    const url = /<(http[^>]+)>/.exec(header)?.[1];
    if (!url) throw new Error(`no List-Unsubscribe in ${header}`);
    return { url, mail };
  }

  const oneClick = (url: string) =>
    fetch(url.replace(/^https?:\/\/[^/]+/, atrium.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  it('turns off exactly that cell, without signing in', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const { url, mail } = await mailWithLink(team, 'PRODUCT_UPDATES');
    expect(mail.text).toContain(url);
    const before = (await member.actor.run(MyNotificationPreferences, {}))
      .myNotificationPreferences;
    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      unsubscribed: { type: 'PRODUCT_UPDATES', channel: 'EMAIL' },
    });
    const after = (await member.actor.run(MyNotificationPreferences, {})).myNotificationPreferences;
    const changed = after.filter(
      (cell, index) => JSON.stringify(cell) !== JSON.stringify(before[index]),
    );
    expect(changed).toEqual([
      expect.objectContaining({
        type: 'PRODUCT_UPDATES',
        channel: 'EMAIL',
        enabled: false,
        source: 'PERSONAL',
      }),
    ]);
    // A GET (a link scanner, a click) changes nothing and leads to the app's page.
    const get = await fetch(url.replace(/^https?:\/\/[^/]+/, atrium.url), { redirect: 'manual' });
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toMatch(/^\/unsubscribe\?token=/);
  });

  it('refuses a tampered link and changes nothing', async () => {
    const team = await seedTeam();
    const { member } = team.people;
    const { url } = await mailWithLink(team, 'CAMPAIGN_COMPLETED');
    const token = new URL(url).searchParams.get('token')!;
    const [payload, signature] = token.split('.');
    const [accountId] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as string[];
    const otherCell = Buffer.from(JSON.stringify([accountId, 'BILLING', 'EMAIL'])).toString(
      'base64url',
    );
    const otherPerson = Buffer.from(
      JSON.stringify([team.people.owner.accountId, 'CAMPAIGN_COMPLETED', 'EMAIL']),
    ).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const before = (await member.actor.run(MyNotificationPreferences, {}))
      .myNotificationPreferences;
    for (const forged of [
      `${otherCell}.${signature}`,
      `${otherPerson}.${signature}`,
      `${payload}.${flipped}`,
      payload,
      '',
    ]) {
      const base = url.replace(/^https?:\/\/[^/]+/, atrium.url).replace(/token=.*/, '');
      const response = await oneClick(`${base}token=${encodeURIComponent(forged)}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ extensions: { reason: string } }> };
      expect(body.errors[0].extensions.reason).toBe('UNSUBSCRIBE_LINK_INVALID');
    }
    expect(
      (await member.actor.run(MyNotificationPreferences, {})).myNotificationPreferences,
    ).toEqual(before);
    const owner = await team.people.owner.actor.run(MyNotificationPreferences, {});
    expect(owner.myNotificationPreferences.every((cell) => cell.source !== 'PERSONAL')).toBe(true);
  });
});
