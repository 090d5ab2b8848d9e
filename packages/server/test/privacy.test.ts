import { createHash } from 'node:crypto';
import type { AtriumServer } from '../src/app';
import { AccountEntity } from '../src/modules/account/account.entity';
import { TeamMemberEntity } from '../src/modules/organization/team-member.entity';
import { SessionEntity } from '../src/modules/session/session.entity';
import { AccountDeletionEntity } from '../src/modules/privacy/account-deletion.entity';
import { DataExportEntity } from '../src/modules/privacy/data-export.entity';
import { newId } from '../src/db/columns';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import { CreateApiKey } from './support/api-key-documents';
import { LogIn, MySecurityEvents, Reauthenticate, UpdateProfile } from './support/documents';
import { Actor, errorCode } from './support/graphql';
import { eventually, testLogger } from './support/jobs';
import { LiveClient, SESSION_EVENTS, untilLive } from './support/live';
import { InviteTeamMember, MyOrganizations } from './support/organization-documents';
import { seedOrganization } from './support/organizations';
import {
  CancelAccountDeletion,
  DeactivateAccount,
  DeleteDataExport,
  MyDataExports,
  MyStatus,
  ReactivateAccount,
  RequestDataExport,
  RequestRecordingsDeletion,
  ScheduleAccountDeletion,
  type DataExportFields,
} from './support/privacy-documents';
import { findTraces, tablesReferencing } from './support/schema-scan';
import { startTestServer, uniqueEmail } from './support/server';
import { linkToken, SmtpInbox } from './support/smtp';
import { readZip } from './support/zip';

let atrium: AtriumServer;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  atrium = await startTestServer({ SMTP_URL: inbox.url, ACCOUNT_DELETION_GRACE_DAYS: '14' });
});

afterAll(async () => {
  await atrium.close();
  await inbox.close();
});

async function readyExport(actor: Actor): Promise<DataExportFields> {
  return eventually('the export to be ready', async () => {
    const { myDataExports } = await actor.run(MyDataExports);
    return myDataExports.find((e) => e.status === 'READY');
  });
}

function download(url: string, actor?: Actor, headers: Record<string, string> = {}) {
  const cookie = actor ? [...actor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  return fetch(url, {
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(actor?.token ? { authorization: `Bearer ${actor.token}` } : {}),
      ...headers,
    },
  });
}

interface Manifest {
  formatVersion: number;
  createdAt: string;
  files: Array<{ name: string; table: string; rows: number; sha256: string }>;
}

describe('data export', () => {
  it('zips one JSON file per table that refers to the account, with checksums that match', async () => {
    const { actor, email, accountId } = await signedUpBrowser(atrium.url, 'Export Person');
    const requested = await actor.run(RequestDataExport);
    expect(requested.requestDataExport.status).toBe('PENDING');
    const ready = await readyExport(actor);
    expect(ready.downloadUrl).toBe(`${atrium.url}/exports/${ready.id}.zip`);
    const expiresIn = new Date(ready.expiresAt!).getTime() - Date.now();
    expect(Math.round(expiresIn / 86_400_000)).toBe(7);

    const response = await download(ready.downloadUrl!, actor);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = await readZip(Buffer.from(await response.arrayBuffer()));
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Manifest;
    expect(manifest.formatVersion).toBe(1);
    expect(Number.isNaN(Date.parse(manifest.createdAt))).toBe(false);
    for (const entry of manifest.files) {
      const content = files.get(entry.name)!;
      expect(createHash('sha256').update(content).digest('hex')).toBe(entry.sha256);
      expect((JSON.parse(content.toString()) as unknown[]).length).toBe(entry.rows);
    }
    expect([...files.keys()].sort()).toEqual(
      ['manifest.json', ...manifest.files.map((f) => f.name)].sort(),
    );
    // Every table with a foreign key to accounts, as the database itself lists them.
    const referencing = await tablesReferencing(atrium.dataSource, 'accounts');
    expect(referencing.length).toBeGreaterThan(5);
    expect(manifest.files.map((f) => f.table).sort()).toEqual(['accounts', ...referencing].sort());

    const account = JSON.parse(files.get('account.json')!.toString()) as Array<
      Record<string, unknown>
    >;
    expect(account).toEqual([expect.objectContaining({ id: accountId, email })]);
    expect(account[0]).not.toHaveProperty('password_hash');
    const sessions = JSON.parse(files.get('sessions.json')!.toString()) as Array<
      Record<string, unknown>
    >;
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions[0]).not.toHaveProperty('token_hash');
    const memberships = JSON.parse(files.get('team_members.json')!.toString()) as unknown[];
    expect(memberships).toHaveLength(1);

    // The notice, and the download on the timeline.
    const mail = await inbox.waitFor(email, /data export is ready/);
    expect(mail.text).toContain('/settings/privacy');
    const timeline = await actor.run(MySecurityEvents, { first: 20 });
    const types = timeline.mySecurityEvents.edges.map((edge) => edge.node.type);
    expect(types).toEqual(
      expect.arrayContaining(['DATA_EXPORT_REQUESTED', 'DATA_EXPORT_DOWNLOADED']),
    );
  });

  it('covers a table added later that refers to an account, without being told', async () => {
    const { actor, accountId } = await signedUpBrowser(atrium.url, 'Later Table');
    const q = (name: string) => atrium.dataSource.driver.escape(name);
    const table = `later_${process.pid}`;
    const mysql = atrium.dataSource.options.type !== 'better-sqlite3';
    await atrium.dataSource.query(
      `CREATE TABLE ${q(table)} (${q('id')} varchar(36) NOT NULL PRIMARY KEY, ${q('owner_id')} varchar(36) NOT NULL, ${q('note')} varchar(100) NOT NULL, ` +
        `CONSTRAINT ${q(`fk_${table}_owner`)} FOREIGN KEY (${q('owner_id')}) REFERENCES ${q('accounts')} (${q('id')}) ON DELETE CASCADE)${mysql ? ' ENGINE=InnoDB' : ''}`,
    );
    try {
      await atrium.dataSource.query(`INSERT INTO ${q(table)} VALUES (?, ?, ?)`, [
        newId(),
        accountId,
        'a note of mine',
      ]);
      await actor.run(RequestDataExport);
      const ready = await readyExport(actor);
      const files = await readZip(
        Buffer.from(await (await download(ready.downloadUrl!, actor)).arrayBuffer()),
      );
      const rows = JSON.parse(files.get(`${table}.json`)!.toString()) as Array<
        Record<string, unknown>
      >;
      expect(rows).toEqual([
        expect.objectContaining({ owner_id: accountId, note: 'a note of mine' }),
      ]);
    } finally {
      await atrium.dataSource.query(`DROP TABLE ${q(table)}`);
    }
  });

  it('serves the download to its signed-in owner only, until it expires or is deleted', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Owner Only');
    await actor.run(RequestDataExport);
    const ready = await readyExport(actor);
    const url = ready.downloadUrl!;

    expect((await download(url)).status).toBe(401);
    const { actor: stranger } = await signedUpBrowser(atrium.url, 'Stranger');
    const refused = await download(url, stranger);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({
      errors: [{ extensions: { code: 'NOT_FOUND', reason: 'DATA_EXPORT_NOT_FOUND' } }],
    });
    // An API key of the owner's own organization is not the owner.
    const { myOrganizations } = await actor.run(MyOrganizations);
    const key = await actor.run(CreateApiKey, {
      input: { organizationId: myOrganizations[0].id, name: 'Tool', scopes: ['MEMBERS_READ'] },
    });
    const asKey = new Actor(atrium.url).withToken(key.createApiKey.secret);
    expect((await download(url, asKey)).status).toBe(403);
    expect((await download(url, actor)).status).toBe(200);

    await atrium.dataSource
      .getRepository(DataExportEntity)
      .update({ id: ready.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await download(url, actor)).status).toBe(410);
    const listed = await actor.run(MyDataExports);
    expect(listed.myDataExports.find((e) => e.id === ready.id)).toMatchObject({
      status: 'EXPIRED',
      downloadUrl: null,
    });
    expect(await atrium.services.dataExports.expireStale()).toBeGreaterThanOrEqual(1);

    await actor.run(RequestDataExport);
    const second = await readyExport(actor);
    expect(await actor.run(DeleteDataExport, { id: second.id })).toEqual({
      deleteDataExport: true,
    });
    expect((await download(second.downloadUrl!, actor)).status).toBe(404);
    expect(errorCode(await stranger.execute(DeleteDataExport, { id: ready.id }))).toBe('NOT_FOUND');
  });

  it('builds one export at a time and needs sudo mode', async () => {
    const { actor, accountId } = await signedUpBrowser(atrium.url, 'One At A Time');
    await atrium.dataSource.getRepository(DataExportEntity).insert({
      id: newId(),
      accountId,
      status: 'PENDING',
      createdAt: new Date(),
    });
    const busy = await actor.execute(RequestDataExport);
    expect(busy.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DATA_EXPORT_IN_PROGRESS',
    });
    await atrium.dataSource
      .getRepository(SessionEntity)
      .update({ accountId }, { reauthenticatedAt: new Date(Date.now() - 3_600_000) });
    const stale = await actor.execute(DeactivateAccount);
    expect(errorCode(stale)).toBe('REAUTHENTICATION_REQUIRED');
    expect(errorCode(await actor.execute(ScheduleAccountDeletion))).toBe(
      'REAUTHENTICATION_REQUIRED',
    );
    await actor.run(Reauthenticate, { input: { password: STRONG_PASSWORD } });
    expect(errorCode(await actor.execute(RequestDataExport))).toBe('CONFLICT');
  });
});

/** A bearer-token device of `email` with a live `sessionEvents` socket. */
async function liveDevice(email: string): Promise<{ actor: Actor; live: LiveClient }> {
  const logIn = async () => {
    const login = await new Actor(atrium.url).run(LogIn, {
      input: { email, password: STRONG_PASSWORD, issueToken: true },
    });
    if (login.logIn.__typename !== 'AuthPayload') throw new Error('unexpected MFA');
    return { token: login.logIn.token!, sessionId: login.logIn.session.id };
  };
  const { token } = await logIn();
  const actor = new Actor(atrium.url).withToken(token);
  const live = new LiveClient(atrium.url, { token });
  live.subscribe(SESSION_EVENTS);
  await untilLive([live], async () => (await logIn()).sessionId);
  return { actor, live };
}

describe('deactivation', () => {
  it('signs out everywhere at once, refuses sign-in with a reactivation link, and reactivates', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Deactivating Person');
    await actor.run(UpdateProfile, { input: { username: `deact${Date.now().toString(36)}` } });
    const phone = await liveDevice(email);
    try {
      expect(await actor.run(DeactivateAccount)).toEqual({ deactivateAccount: true });
      await phone.live.waitFor(() => phone.live.closeCode !== null, 5000, 'the socket to close');
      expect(phone.live.closeCode).toBe(4403);
    } finally {
      await phone.live.dispose();
    }
    expect((await actor.run(MyStatus)).me).toBeNull();
    expect((await phone.actor.execute(MyStatus)).data?.me).toBeNull();

    const refused = await new Actor(atrium.url).execute(LogIn, {
      input: { email, password: STRONG_PASSWORD },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ACCOUNT_DEACTIVATED',
    });
    // A wrong password learns nothing about the state.
    const wrong = await new Actor(atrium.url).execute(LogIn, {
      input: { email, password: 'Not-the-password-1' },
    });
    expect(wrong.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');

    const mail = await inbox.waitFor(email, /Reactivate your Atrium account/);
    const token = linkToken(mail, '/reactivate');
    expect(await new Actor(atrium.url).run(ReactivateAccount, { token })).toEqual({
      reactivateAccount: true,
    });
    expect(errorCode(await new Actor(atrium.url).execute(ReactivateAccount, { token }))).toBe(
      'BAD_USER_INPUT',
    );
    const back = new Actor(atrium.url);
    await back.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const me = await back.run(MyStatus);
    expect(me.me?.status).toBe('ACTIVE');
    const timeline = await back.run(MySecurityEvents, { first: 20 });
    expect(timeline.mySecurityEvents.edges.map((e) => e.node.type)).toEqual(
      expect.arrayContaining(['ACCOUNT_DEACTIVATED', 'ACCOUNT_REACTIVATED']),
    );
  });
});

describe('scheduled deletion', () => {
  it('revokes every session live, mails the date, and signing in before then can cancel it', async () => {
    const { actor, email, accountId } = await signedUpBrowser(atrium.url, 'Leaving Person');
    const phone = await liveDevice(email);
    let scheduledFor: string | null;
    try {
      const scheduled = await actor.run(ScheduleAccountDeletion);
      expect(scheduled.scheduleAccountDeletion.status).toBe('PENDING_DELETION');
      scheduledFor = scheduled.scheduleAccountDeletion.deletionScheduledFor;
      const days = (new Date(scheduledFor!).getTime() - Date.now()) / 86_400_000;
      expect(Math.round(days)).toBe(14);
      await phone.live.waitFor(() => phone.live.closeCode !== null, 5000, 'the socket to close');
      expect(phone.live.closeCode).toBe(4403);
    } finally {
      await phone.live.dispose();
    }
    expect((await actor.run(MyStatus)).me).toBeNull();
    const mail = await inbox.waitFor(email, /will be deleted on/);
    expect(mail.text).toContain('/login');

    const back = new Actor(atrium.url);
    await back.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    expect((await back.run(MyStatus)).me).toMatchObject({
      status: 'PENDING_DELETION',
      deletionScheduledFor: scheduledFor!,
    });
    const kept = await back.run(CancelAccountDeletion);
    expect(kept.cancelAccountDeletion).toMatchObject({
      status: 'ACTIVE',
      deletionScheduledFor: null,
    });
    expect(errorCode(await back.execute(CancelAccountDeletion))).toBe('CONFLICT');

    // Even past the original date, the cancelled deletion erases nothing.
    await atrium.dataSource
      .getRepository(AccountEntity)
      .update({ id: accountId }, { deletionScheduledFor: new Date(Date.now() - 1000) });
    await atrium.services.accountEraser.eraseDue(testLogger);
    expect(await atrium.dataSource.getRepository(AccountEntity).existsBy({ id: accountId })).toBe(
      true,
    );
  });

  it('asks an OWNER of an organization with other members to transfer it first', async () => {
    const world = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('other', 'VIEWER')
      .build();
    const refused = await world.people.owner.actor.execute(ScheduleAccountDeletion);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OWNER_MUST_TRANSFER_OWNERSHIP',
    });
    expect(refused.errors?.[0].message).toContain('transfer');
    const status = await atrium.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: world.people.owner.accountId });
    expect(status.status).toBe('ACTIVE');
  });

  it('erases every trace of the person, keeping only a pseudonymous record', async () => {
    const fullName = `Zebulon Quixby${Date.now().toString(36)}`;
    const { actor, email, accountId } = await signedUpBrowser(atrium.url, fullName);
    const username = `zq${Date.now().toString(36)}`;
    await actor.run(UpdateProfile, { input: { username } });
    const phone = `+3461${String(Date.now()).slice(-7)}`;
    await atrium.dataSource.getRepository(AccountEntity).update({ id: accountId }, { phone });
    const { myOrganizations } = await actor.run(MyOrganizations);
    const own = myOrganizations[0].id;
    // Things that refer to the person from elsewhere: an invitation they sent, a key they
    // created, a recordings request, membership of someone else's team, an invitation to them.
    await actor.run(InviteTeamMember, {
      input: { organizationId: own, email: uniqueEmail('invitee'), role: 'VIEWER' },
    });
    await actor.run(CreateApiKey, {
      input: { organizationId: own, name: 'Mine', scopes: ['MEMBERS_READ'] },
    });
    await actor.run(RequestRecordingsDeletion, { organizationId: own });
    await actor.run(RequestDataExport);
    await readyExport(actor);
    const other = await seedOrganization(atrium).member('boss', 'OWNER').build();
    await other.people.boss.actor.run(InviteTeamMember, {
      input: { organizationId: other.id, email, role: 'MEMBER' },
    });
    const otherTeam = await seedOrganization(atrium).member('lead', 'OWNER').build();
    await atrium.dataSource.getRepository(TeamMemberEntity).insert({
      id: newId(),
      organizationId: otherTeam.id,
      accountId,
      role: 'MEMBER',
      createdAt: new Date(),
    });
    const needles = [email, fullName, username, phone, accountId];
    expect((await findTraces(atrium.dataSource, needles)).length).toBeGreaterThan(5);

    await actor.run(ScheduleAccountDeletion);
    await atrium.dataSource
      .getRepository(AccountEntity)
      .update({ id: accountId }, { deletionScheduledFor: new Date(Date.now() - 1000) });
    // Mail to them still being sent holds the erasure back (it retries); wait for it here.
    await eventually(
      'the mail to be sent',
      async () =>
        await atrium.dataSource
          .query(
            "SELECT COUNT(*) AS n FROM jobs WHERE status IN ('PENDING', 'RUNNING') AND kind = 'mail.send'",
          )
          .then((rows: Array<{ n: number | string }>) => Number(rows[0].n) === 0),
    );
    expect(await atrium.services.accountEraser.eraseDue(testLogger)).toBe(1);

    expect(await findTraces(atrium.dataSource, needles)).toEqual([]);
    // Idempotent: a second run finds nothing to do.
    expect(await atrium.services.accountEraser.eraseDue(testLogger)).toBe(0);
    const record = await atrium.dataSource
      .getRepository(AccountDeletionEntity)
      .findOneByOrFail({ subject: atrium.services.accountEraser.subjectOf(accountId) });
    expect(record.organizationsDeleted).toBe(1);
    expect(record.rowsDeleted).toBeGreaterThan(5);
    // The person's own organization is gone; the others' stay.
    const remaining = (await atrium.dataSource.query(
      `SELECT id FROM ${atrium.dataSource.driver.escape('organizations')} WHERE ${atrium.dataSource.driver.escape('id')} IN (?, ?, ?)`,
      [own, other.id, otherTeam.id],
    )) as Array<{ id: string }>;
    expect(remaining.map((r) => r.id).sort()).toEqual([other.id, otherTeam.id].sort());
  });
});
