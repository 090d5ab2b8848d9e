import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import type { AtriumServer } from '../src/app';
import { anonymous } from '../src/caller/caller';
import { newId } from '../src/db/columns';
import { AccountEntity } from '../src/modules/account/account.entity';
import { TeamMemberEntity } from '../src/modules/organization/team-member.entity';
import { AuditEventDetailsEntity, AuditEventEntity } from '../src/modules/audit/audit-event.entity';
import { verifyExport } from '../src/modules/audit/audit-verify';
import { CreateApiKey, RevokeApiKey, RollApiKey } from './support/api-key-documents';
import { ChangePlan, UpsertInvoice } from './support/billing-documents';
import { STRONG_PASSWORD } from './support/actors';
import {
  auditEntries,
  fetchAuditExport,
  OrganizationAuditEvents,
  parseExport,
  type AuditEventFields,
} from './support/audit-documents';
import { SignUp } from './support/documents';
import type { LocalDns } from './support/dns';
import { Actor, errorCode } from './support/graphql';
import { hostileString } from './support/hostile-strings';
import { UpdateNotificationRules } from './support/notification-documents';
import {
  AcceptInvitation,
  AddDomain,
  ChangeMemberRole,
  InviteTeamMember,
  LeaveOrganization,
  RemoveDomain,
  RemoveTeamMember,
  ResendInvitation,
  RevokeInvitation,
  TransferOwnership,
  UpdateOrganization,
  VerifyDomain,
} from './support/organization-documents';
import { seedAccount, seedOrganization, uniqueDomain } from './support/organizations';
import { CompleteRecordingsDeletion, RequestRecordingsDeletion } from './support/privacy-documents';
import { uniqueEmail, startTestServerWithDns } from './support/server';
import {
  CreateWebhookEndpoint,
  DeleteWebhookEndpoint,
  RevealWebhookSecret,
  RotateWebhookSecret,
  UpdateWebhookEndpoint,
} from './support/webhook-documents';

/**
 * The organization audit log against the real server: an entry for every organization change
 * with who made it, the screen's filters and pages, the streamed export and its offline
 * verification (tampering caught), retention, concurrent appends and erasure.
 */

let atrium: AtriumServer;
let dns: LocalDns;

beforeAll(async () => {
  ({ atrium, dns } = await startTestServerWithDns());
});

afterAll(async () => {
  await atrium.close();
});

const REDACTED = '[REDACTED]';

/** Everything the audit tables hold, as text, to search for what must never be there. */
async function auditTablesText(): Promise<string> {
  const { manager } = atrium.dataSource;
  return JSON.stringify([
    await manager.find(AuditEventEntity),
    await manager.find(AuditEventDetailsEntity),
  ]);
}

describe('an organization with a history', () => {
  let organizationId: string;
  let owner: Actor;
  let ids: {
    owner: string;
    admin: string;
    joiner: string;
    viewerMember: string;
    keyA: string;
    keyB: string;
    invitation: string;
    endpoint: string;
  };
  let reader: Actor;
  const secrets: string[] = [];
  let history: AuditEventFields[];

  beforeAll(async () => {
    const domain = uniqueDomain('audited');
    const world = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .member('viewer', 'VIEWER')
      .member('leaver', 'MEMBER')
      .member('heir', 'MEMBER')
      .invitation('joiner', 'MEMBER')
      .build();
    organizationId = world.id;
    owner = world.people.owner.actor;
    const admin = world.people.admin.actor;

    // A name a spreadsheet would run as a formula: the CSV export must still verify.
    await owner.run(UpdateOrganization, {
      id: organizationId,
      input: { name: '=1+1 Audited', website: 'https://audited.example.com' },
    });
    const invited = await owner.run(InviteTeamMember, {
      input: { organizationId, email: uniqueEmail('invitee'), role: 'VIEWER' },
    });
    await owner.run(ResendInvitation, { id: invited.inviteTeamMember.id });
    await owner.run(RevokeInvitation, { id: invited.inviteTeamMember.id });

    const joiner = new Actor(atrium.url);
    const signedUp = await joiner.run(SignUp, {
      input: {
        email: world.invitations.joiner.email,
        password: STRONG_PASSWORD,
        fullName: 'Jo Iner',
      },
    });
    await joiner.run(AcceptInvitation, { token: world.invitations.joiner.token });

    await owner.run(ChangeMemberRole, {
      input: { memberId: world.people.viewer.memberId, role: 'MEMBER' },
    });
    await owner.run(RemoveTeamMember, { memberId: world.people.viewer.memberId });
    await world.people.leaver.actor.run(LeaveOrganization, { organizationId });

    const added = await admin.run(AddDomain, { organizationId, domain });
    dns.publish(added.addDomain.verificationRecord.name, added.addDomain.verificationRecord.value);
    await admin.run(VerifyDomain, { id: added.addDomain.id });
    await admin.run(RemoveDomain, { id: added.addDomain.id });

    const keyA = await owner.run(CreateApiKey, {
      input: {
        organizationId,
        name: 'Inviter',
        scopes: ['MEMBERS_WRITE', 'AUDIT_READ', 'ORGANIZATION_READ'],
      },
    });
    const keyB = await owner.run(CreateApiKey, {
      input: { organizationId, name: 'Recordings', scopes: ['EVENTS_PUBLISH', 'BILLING_WRITE'] },
    });
    const rolled = await owner.run(RollApiKey, {
      input: { id: keyA.createApiKey.apiKey.id, gracePeriodSeconds: 60 },
    });
    secrets.push(keyA.createApiKey.secret, keyB.createApiKey.secret, rolled.rollApiKey.secret);
    reader = new Actor(atrium.url).withToken(rolled.rollApiKey.secret);
    await reader.run(InviteTeamMember, {
      input: { organizationId, email: uniqueEmail('by-key'), role: 'VIEWER' },
    });

    const created = await owner.run(CreateWebhookEndpoint, {
      input: {
        organizationId,
        url: 'https://hooks.example.com/audited',
        eventTypes: ['member.joined'],
      },
    });
    const endpointId = created.createWebhookEndpoint.endpoint.id;
    secrets.push(created.createWebhookEndpoint.secret);
    await owner.run(UpdateWebhookEndpoint, {
      id: endpointId,
      input: { description: 'Changed', enabled: false },
    });
    secrets.push((await owner.run(RotateWebhookSecret, { id: endpointId })).rotateWebhookSecret);
    await owner.run(RevealWebhookSecret, { id: endpointId });
    await owner.run(DeleteWebhookEndpoint, { id: endpointId });

    await owner.run(UpdateNotificationRules, {
      input: {
        organizationId,
        rules: [{ type: 'CAMPAIGN_STATUS', channel: 'EMAIL', enabled: true }],
      },
    });
    const requested = await owner.run(RequestRecordingsDeletion, { organizationId });
    await new Actor(atrium.url)
      .withToken(keyB.createApiKey.secret)
      .run(CompleteRecordingsDeletion, { id: requested.requestRecordingsDeletion.id });
    await atrium.services.wallets.recordBalance(organizationId, {
      balanceCents: 1234,
      currency: 'EUR',
    });
    await owner.run(ChangePlan, { organizationId, plan: 'DENTAL' });
    // A download link that carries a credential of the billing service's: never in the log.
    const pdfUrl = 'https://billing.example.com/invoices/F-1.pdf?signature=sig_0123456789abcdef';
    secrets.push('sig_0123456789abcdef');
    await new Actor(atrium.url).withToken(keyB.createApiKey.secret).run(UpsertInvoice, {
      input: {
        number: 'F-1',
        periodStart: '2025-02-01T00:00:00.000Z',
        periodEnd: '2025-03-01T00:00:00.000Z',
        amount: 49.5,
        currency: 'EUR',
        status: 'OPEN',
        pdfUrl,
      },
    });
    await owner.run(RevokeApiKey, { id: keyB.createApiKey.apiKey.id });
    await owner.run(TransferOwnership, { memberId: world.people.heir.memberId });

    ids = {
      owner: world.people.owner.accountId,
      admin: world.people.admin.accountId,
      joiner: signedUp.signUp.account.id,
      viewerMember: world.people.viewer.memberId,
      keyA: keyA.createApiKey.apiKey.id,
      keyB: keyB.createApiKey.apiKey.id,
      invitation: invited.inviteTeamMember.id,
      endpoint: endpointId,
    };
    history = await auditEntries(owner, organizationId);
  });

  it('records every change, in order, each linked to the one before', () => {
    expect(history.map((entry) => entry.type)).toEqual([
      'ORGANIZATION_UPDATED',
      'MEMBER_INVITED',
      'INVITATION_RESENT',
      'INVITATION_REVOKED',
      'MEMBER_JOINED',
      'MEMBER_ROLE_CHANGED',
      'MEMBER_REMOVED',
      'MEMBER_LEFT',
      'DOMAIN_ADDED',
      'DOMAIN_VERIFIED',
      'DOMAIN_REMOVED',
      'API_KEY_CREATED',
      'API_KEY_CREATED',
      'API_KEY_ROLLED',
      'MEMBER_INVITED',
      'WEBHOOK_ENDPOINT_CREATED',
      'WEBHOOK_ENDPOINT_UPDATED',
      'WEBHOOK_SECRET_ROTATED',
      'WEBHOOK_SECRET_REVEALED',
      'WEBHOOK_ENDPOINT_DELETED',
      'NOTIFICATION_RULES_UPDATED',
      'RECORDINGS_DELETION_REQUESTED',
      'RECORDINGS_DELETION_COMPLETED',
      'WALLET_BALANCE_CHANGED',
      'PLAN_CHANGED',
      'INVOICE_RECORDED',
      'API_KEY_REVOKED',
      'MEMBER_ROLE_CHANGED',
      'MEMBER_ROLE_CHANGED',
    ]);
    history.forEach((entry, index) => {
      expect(entry.sequence).toBe(index + 1);
      if (index > 0) expect(entry.previousHash).toBe(history[index - 1].hash);
    });
  });

  it('names the actor: a person, an API key, or the system', () => {
    const [updated] = history;
    expect(updated).toMatchObject({
      actorType: 'PERSON',
      actorAccountId: ids.owner,
      apiKeyId: null,
      actorName: 'Owner Person',
      targetType: 'ORGANIZATION',
      targetId: organizationId,
      ipAddress: owner.ip,
      detailsErased: false,
    });
    expect(updated.userAgent).toBeTruthy();
    expect(history.find((entry) => entry.type === 'DOMAIN_ADDED')).toMatchObject({
      actorType: 'PERSON',
      actorAccountId: ids.admin,
    });
    expect(history.find((entry) => entry.type === 'MEMBER_JOINED')).toMatchObject({
      actorAccountId: ids.joiner,
      targetType: 'MEMBER',
      targetLabel: expect.stringContaining('Jo Iner') as unknown,
      changes: { role: { after: 'MEMBER' } },
    });
    const byKey = history.filter((entry) => entry.type === 'MEMBER_INVITED')[1];
    expect(byKey).toMatchObject({
      actorType: 'API_KEY',
      apiKeyId: ids.keyA,
      actorAccountId: null,
      actorName: expect.stringContaining('Inviter') as unknown,
    });
    expect(history.find((entry) => entry.type === 'RECORDINGS_DELETION_COMPLETED')).toMatchObject({
      actorType: 'API_KEY',
      apiKeyId: ids.keyB,
    });
    expect(history.find((entry) => entry.type === 'WALLET_BALANCE_CHANGED')).toMatchObject({
      actorType: 'SYSTEM',
      actorAccountId: null,
      apiKeyId: null,
      actorName: null,
      changes: { balanceCents: { before: null, after: 1234 }, currency: { after: 'EUR' } },
    });
  });

  it('shows each change before and after, and never a secret', async () => {
    const entry = (type: string, nth = 0) => history.filter((e) => e.type === type)[nth];
    expect(entry('ORGANIZATION_UPDATED').changes).toEqual({
      name: { before: expect.stringMatching(/^Seeded/) as unknown, after: '=1+1 Audited' },
      website: { before: null, after: 'https://audited.example.com' },
    });
    expect(entry('MEMBER_INVITED')).toMatchObject({
      targetType: 'INVITATION',
      targetId: ids.invitation,
      changes: { role: { after: 'VIEWER' }, email: { after: expect.any(String) as unknown } },
    });
    expect(entry('INVITATION_REVOKED').changes).toEqual({
      status: { before: 'PENDING', after: 'REVOKED' },
    });
    expect(entry('MEMBER_ROLE_CHANGED').changes).toEqual({
      role: { before: 'VIEWER', after: 'MEMBER' },
    });
    expect(entry('MEMBER_REMOVED')).toMatchObject({
      targetId: ids.viewerMember,
      changes: { role: { before: 'MEMBER' } },
    });
    expect(entry('API_KEY_CREATED').changes).toMatchObject({
      name: { after: 'Inviter' },
      scopes: { after: ['MEMBERS_WRITE', 'AUDIT_READ', 'ORGANIZATION_READ'] },
      secret: { after: REDACTED },
    });
    expect(entry('WEBHOOK_ENDPOINT_UPDATED').changes).toEqual({
      description: { before: '', after: 'Changed' },
      enabled: { before: true, after: false },
    });
    expect(entry('WEBHOOK_SECRET_ROTATED').changes.secret).toEqual({
      before: REDACTED,
      after: REDACTED,
    });
    expect(entry('PLAN_CHANGED').changes).toEqual({
      plan: { before: 'REAL_ESTATE', after: 'DENTAL' },
    });
    expect(entry('INVOICE_RECORDED')).toMatchObject({
      actorType: 'API_KEY',
      apiKeyId: ids.keyB,
      targetType: 'INVOICE',
      targetLabel: 'F-1',
      changes: { amount: { after: 49.5 }, status: { after: 'OPEN' }, currency: { after: 'EUR' } },
    });
    expect(entry('INVOICE_RECORDED').changes).not.toHaveProperty('pdfUrl');
    expect(entry('NOTIFICATION_RULES_UPDATED').changes).toEqual({
      'CAMPAIGN_STATUS.EMAIL': { before: null, after: true },
    });
    expect(entry('MEMBER_ROLE_CHANGED', 1).changes).toEqual({
      role: { before: 'OWNER', after: 'ADMIN' },
    });
    expect(entry('MEMBER_ROLE_CHANGED', 2).changes).toEqual({
      role: { before: 'MEMBER', after: 'OWNER' },
    });
    const stored = await auditTablesText();
    for (const secret of secrets) expect(stored).not.toContain(secret);
    expect(stored).not.toMatch(/token=|whsec_|atr_live_[A-Za-z0-9]{20}/);
  });

  it('filters by person, key, type and time, and pages newest first', async () => {
    const types = (entries: AuditEventFields[]) => entries.map((entry) => entry.type);
    expect(types(await auditEntries(owner, organizationId, { actorAccountId: ids.admin }))).toEqual(
      ['DOMAIN_ADDED', 'DOMAIN_VERIFIED', 'DOMAIN_REMOVED'],
    );
    expect(types(await auditEntries(owner, organizationId, { apiKeyId: ids.keyA }))).toEqual([
      'MEMBER_INVITED',
    ]);
    expect(
      types(
        await auditEntries(owner, organizationId, {
          types: ['INVITATION_REVOKED', 'MEMBER_LEFT'],
        }),
      ),
    ).toEqual(['INVITATION_REVOKED', 'MEMBER_LEFT']);
    const since = history[4].createdAt;
    const until = history[8].createdAt;
    const ranged = await auditEntries(owner, organizationId, { since, until });
    expect(ranged.every((e) => e.createdAt >= since && e.createdAt <= until)).toBe(true);
    expect(ranged.map((e) => e.sequence)).toEqual(expect.arrayContaining([5, 6, 7, 8, 9]));

    const first = await owner.run(OrganizationAuditEvents, { id: organizationId, first: 5 });
    const page1 = first.organization!.auditEvents;
    expect(page1.edges.map((edge) => edge.node.sequence)).toEqual([29, 28, 27, 26, 25]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await owner.run(OrganizationAuditEvents, {
      id: organizationId,
      first: 5,
      after: page1.pageInfo.endCursor,
    });
    expect(second.organization!.auditEvents.edges.map((edge) => edge.node.sequence)).toEqual([
      24, 23, 22, 21, 20,
    ]);
  });

  it('refuses bad filters and cursors, naming the field', async () => {
    const refused = async (variables: Parameters<typeof owner.execute>[1]) => {
      const result = await owner.execute(OrganizationAuditEvents, {
        id: organizationId,
        ...(variables as object),
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      return Object.keys(result.errors?.[0].extensions?.fields as object);
    };
    expect(
      await refused({
        filter: { since: '2025-02-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
      }),
    ).toEqual(['until']);
    expect(await refused({ after: 'not-a-cursor' })).toEqual(['after']);
    expect(await refused({ after: Buffer.from('k:1e99').toString('base64url') })).toEqual([
      'after',
    ]);
    expect(await refused({ first: 101 })).toEqual(['first']);
    expect(await refused({ filter: { actorAccountId: 'me' } })).toEqual(['actorAccountId']);
  });

  it('exports the same filter as JSON lines or CSV, which verify offline', async () => {
    const full = await fetchAuditExport(owner, { organizationId, format: 'jsonl' });
    expect(full.status).toBe(200);
    expect(full.contentType).toContain('application/x-ndjson');
    const { header, entries } = await parseExport(full.text);
    expect(header).toMatchObject({
      organizationId,
      anchor: { sequence: 0 },
      head: { sequence: 29, hash: history[28].hash },
    });
    expect(entries.map((entry) => entry.hash)).toEqual(history.map((entry) => entry.hash));
    expect(await verifyExport(header, entries)).toMatchObject({ ok: true, entries: 29, gaps: [] });

    // A key with AUDIT_READ, as CSV: the formula-like name is escaped, and still verifies.
    const csv = await fetchAuditExport(reader, { organizationId, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.text).toContain("'=1+1 Audited");
    const fromCsv = await parseExport(csv.text);
    expect(fromCsv.header).toBeNull();
    expect(fromCsv.entries.map((entry) => entry.hash)).toEqual(entries.map((entry) => entry.hash));
    expect(await verifyExport(null, fromCsv.entries)).toMatchObject({ ok: true, entries: 29 });

    // Filtered by type: gaps by design, each entry and each link still checked.
    const invited = await fetchAuditExport(owner, {
      organizationId,
      format: 'jsonl',
      types: 'MEMBER_INVITED,INVITATION_RESENT',
    });
    const filtered = await parseExport(invited.text);
    expect(filtered.entries.map((entry) => entry.sequence)).toEqual([2, 3, 15]);
    const result = await verifyExport(filtered.header, filtered.entries);
    expect(result).toMatchObject({ ok: true, entries: 3 });
    expect(result.gaps).toEqual([
      { from: 1, to: 1 },
      { from: 4, to: 14 },
      { from: 16, to: 29 },
    ]);
    // The same by person, from the start of the range on.
    const ranged = await fetchAuditExport(owner, {
      organizationId,
      since: history[10].createdAt,
      actorAccountId: ids.admin,
    });
    const rangedFile = await parseExport(ranged.text);
    expect(rangedFile.entries.map((entry) => entry.type)).toEqual(['DOMAIN_REMOVED']);
    expect((await verifyExport(rangedFile.header, rangedFile.entries)).ok).toBe(true);
  });

  it('fails verification of an edited, shortened or reordered file', async () => {
    const { text } = await fetchAuditExport(owner, { organizationId, format: 'jsonl' });
    const lines = text.trimEnd().split('\n');
    const verify = async (changed: string[]) => {
      const file = await parseExport(`${changed.join('\n')}\n`);
      return verifyExport(file.header, file.entries);
    };
    expect((await verify(lines)).ok).toBe(true);

    const edit = (index: number, from: string, to: string) =>
      lines.map((line, i) => (i === index ? line.replace(from, to) : line));
    const editedRole = await verify(edit(6, '"after":"MEMBER"', '"after":"ADMIN"'));
    expect(editedRole.ok).toBe(false);
    expect(editedRole.problems).toContain('entry 6 was changed after it was written');
    const editedAddress = await verify(edit(1, owner.ip, '192.0.2.1'));
    expect(editedAddress.problems).toContain(
      'entry 1: its actor, address or personal fields were changed',
    );

    const withoutLine = await verify(lines.filter((_, i) => i !== 10));
    expect(withoutLine.ok).toBe(false);
    expect(withoutLine.problems).toContain('entry 10 is missing');
    const withoutFirst = await verify(lines.filter((_, i) => i !== 1));
    expect(withoutFirst.problems).toContain('entry 1 is missing');
    const withoutLast = await verify(lines.slice(0, -1));
    expect(withoutLast.problems).toContain('entry 29 is missing');

    const swapped = [...lines];
    [swapped[4], swapped[5]] = [swapped[5], swapped[4]];
    const reordered = await verify(swapped);
    expect(reordered.ok).toBe(false);
    expect(reordered.problems.join('\n')).toMatch(/out of order|does not link/);

    // Rewriting one entry's hash to match its edit breaks the link from the next one.
    const entry = JSON.parse(lines[3]) as Record<string, unknown>;
    const forged = [...lines];
    forged[3] = JSON.stringify({ ...entry, hash: 'f'.repeat(64) });
    expect((await verify(forged)).problems.join('\n')).toMatch(/entry 3 was changed/);

    // A CSV file with a row deleted fails too.
    const csv = await fetchAuditExport(owner, { organizationId, format: 'csv' });
    const rows = csv.text.trimEnd().split('\r\n');
    const shortened = await parseExport(`${rows.filter((_, i) => i !== 7).join('\r\n')}\r\n`);
    expect((await verifyExport(null, shortened.entries)).problems).toContain('entry 7 is missing');
  });

  it('ships a verify-audit-export command that says so with its exit code', async () => {
    const script = path.join(__dirname, '..', 'dist', 'scripts', 'verify-audit-export.js');
    if (!existsSync(script))
      throw new Error('build the server first (pnpm --filter @atrium/server build)');
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-export-'));
    const { text } = await fetchAuditExport(owner, { organizationId, format: 'jsonl' });
    const intact = path.join(dir, 'intact.jsonl');
    writeFileSync(intact, text);
    const run = promisify(execFile);
    const ok = await run(process.execPath, [script, intact]);
    expect(ok.stdout).toContain('OK: the chain is intact');
    const tampered = path.join(dir, 'tampered.jsonl');
    writeFileSync(tampered, text.replace('"after":"VIEWER"', '"after":"OWNER"'));
    await expect(run(process.execPath, [script, tampered])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('FAILED') as unknown,
    });
  });

  it('lets only the OWNER, ADMINs and keys with AUDIT_READ export', async () => {
    const status = async (actor: Actor, params = { organizationId }) =>
      (await fetchAuditExport(actor, params)).status;
    expect(await status(new Actor(atrium.url))).toBe(401);
    expect(await status((await seedAccount(atrium, 'outsider')).actor)).toBe(404);
    const member = await auditMember(organizationId);
    expect(await status(member)).toBe(403);
    const wrongFormat = await fetchAuditExport(owner, { organizationId, format: 'xml' });
    expect(wrongFormat.status).toBe(400);
    expect(JSON.parse(wrongFormat.text)).toMatchObject({
      errors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            reasons: { format: 'AUDIT_EXPORT_FORMAT_INVALID' },
          },
        },
      ],
    });
    expect(
      await status(owner, { organizationId, until: '2020-01-01', since: '2021-01-01' } as never),
    ).toBe(400);
  });

  it('answers hostile parameters with 400, never an error of its own', async () => {
    const names = [
      'organizationId',
      'format',
      'actorAccountId',
      'apiKeyId',
      'types',
      'since',
      'until',
    ];
    const tally = { refused: 0, answered: 0 };
    for (const name of names) {
      await fc.assert(
        fc.asyncProperty(hostileString('x'), async (hostile) => {
          const params: Record<string, string> = { organizationId, [name]: hostile };
          const { status } = await fetchAuditExport(owner, params);
          expect(status).toBeLessThan(500);
          if (status === 400) tally.refused += 1;
          else tally.answered += 1;
        }),
        { numRuns: 15 },
      );
    }
    const unknown = await fetchAuditExport(owner, { organizationId, '\u202e': 'x' });
    expect(unknown.status).toBe(400);
    expect(tally.refused).toBeGreaterThan(names.length * 10);
  });
});

/** A MEMBER of the organization: may not read its audit log. */
async function auditMember(organizationId: string): Promise<Actor> {
  const account = await seedAccount(atrium, 'member');
  await atrium.dataSource.getRepository(TeamMemberEntity).insert({
    id: newId(),
    organizationId,
    accountId: account.accountId,
    role: 'MEMBER',
    createdAt: new Date(),
  });
  return account.actor;
}

it('writes nothing for a change that was refused', async () => {
  const world = await seedOrganization(atrium)
    .member('owner', 'OWNER')
    .member('viewer', 'VIEWER')
    .build();
  await world.people.owner.actor.run(UpdateOrganization, {
    id: world.id,
    input: { name: 'Before' },
  });
  const refused = await world.people.viewer.actor.execute(UpdateOrganization, {
    id: world.id,
    input: { name: 'Refused' },
  });
  expect(errorCode(refused)).toBe('FORBIDDEN');
  const invite = await world.people.owner.actor.execute(InviteTeamMember, {
    input: { organizationId: world.id, email: world.people.viewer.email, role: 'VIEWER' },
  });
  expect(errorCode(invite)).toBe('CONFLICT');
  expect((await auditEntries(world.people.owner.actor, world.id)).map((e) => e.type)).toEqual([
    'ORGANIZATION_UPDATED',
  ]);
  const viewer = await world.people.viewer.actor.execute(OrganizationAuditEvents, { id: world.id });
  expect(errorCode(viewer)).toBe('FORBIDDEN');
});

it('keeps one unbroken chain when changes race (row lock per organization)', async () => {
  const world = await seedOrganization(atrium)
    .member('owner', 'OWNER')
    .member('admin', 'ADMIN')
    .build();
  const people = [world.people.owner.actor, world.people.admin.actor];
  // Changes through the API (each takes the organization's lock first), and events said in
  // bare transactions that take no lock of their own: the recorder's lock alone orders those.
  const bare = (i: number) =>
    atrium.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1');
      await atrium.services.events.emit(manager, {
        type: 'wallet.balance_changed',
        caller: anonymous({ ip: null, userAgent: null }),
        organizationId: world.id,
        data: {
          previousCents: null,
          balanceCents: i,
          currency: 'EUR',
          asOf: new Date().toISOString(),
        },
      });
    });
  await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      i % 2 === 0
        ? people[(i / 2) % 2].run(UpdateOrganization, {
            id: world.id,
            input: { name: `Racing ${i}` },
          })
        : bare(i),
    ),
  );
  const { text } = await fetchAuditExport(world.people.owner.actor, { organizationId: world.id });
  const { header, entries } = await parseExport(text);
  expect(entries.map((entry) => entry.sequence)).toEqual(
    Array.from({ length: 24 }, (_, i) => i + 1),
  );
  expect(header?.head.sequence).toBe(24);
  expect(await verifyExport(header, entries)).toMatchObject({ ok: true, gaps: [] });
});

it('prunes entries past retention and keeps the rest verifiable from there', async () => {
  const world = await seedOrganization(atrium).member('owner', 'OWNER').build();
  const owner = world.people.owner.actor;
  for (let i = 1; i <= 6; i += 1) {
    await owner.run(UpdateOrganization, { id: world.id, input: { name: `Version ${i}` } });
  }
  const old = new Date(Date.now() - 400 * 24 * 3600 * 1000);
  await atrium.dataSource
    .createQueryBuilder()
    .update(AuditEventEntity)
    .set({ createdAt: old })
    .where('organization_id = :id AND sequence <= 3', { id: world.id })
    .execute();
  const before = await auditEntries(owner, world.id);
  expect(await atrium.services.auditRetention.prune()).toBeGreaterThanOrEqual(3);
  expect(
    await atrium.dataSource.getRepository(AuditEventDetailsEntity).countBy({
      auditEventId: before[0].id,
    }),
  ).toBe(0);

  const { text } = await fetchAuditExport(owner, { organizationId: world.id });
  const { header, entries } = await parseExport(text);
  expect(header?.anchor).toEqual({ sequence: 3, hash: before[2].hash });
  expect(entries.map((entry) => entry.sequence)).toEqual([4, 5, 6]);
  expect(await verifyExport(header, entries)).toMatchObject({ ok: true, gaps: [] });
  // The next entry goes on from the head, not from what was pruned.
  await owner.run(UpdateOrganization, { id: world.id, input: { name: 'Version 7' } });
  const after = await parseExport(
    (await fetchAuditExport(owner, { organizationId: world.id })).text,
  );
  expect(await verifyExport(after.header, after.entries)).toMatchObject({ ok: true, entries: 4 });
  // An export that leaves out the first kept entry is caught.
  const lines = text.trimEnd().split('\n');
  const cut = await parseExport(`${[lines[0], ...lines.slice(2)].join('\n')}\n`);
  expect((await verifyExport(cut.header, cut.entries)).problems).toContain('entry 4 is missing');
});

it('erases the details of an erased account and still verifies', async () => {
  const world = await seedOrganization(atrium)
    .member('owner', 'OWNER')
    .member('gone', 'ADMIN')
    .build();
  const gone = world.people.gone;
  await gone.actor.run(UpdateOrganization, { id: world.id, input: { name: 'Renamed by Gone' } });
  await world.people.owner.actor.run(ChangeMemberRole, {
    input: { memberId: gone.memberId, role: 'MEMBER' },
  });
  await atrium.dataSource
    .getRepository(AccountEntity)
    .update(
      { id: gone.accountId },
      { status: 'PENDING_DELETION', deletionScheduledFor: new Date(Date.now() - 1000) },
    );
  await atrium.services.accountEraser.eraseDue(atrium.logger);

  const entries = await auditEntries(world.people.owner.actor, world.id);
  expect(entries.map((e) => [e.type, e.detailsErased, e.actorAccountId])).toEqual([
    ['ORGANIZATION_UPDATED', true, null],
    ['MEMBER_ROLE_CHANGED', true, null],
  ]);
  expect(entries[0].changes).toEqual({
    name: { before: expect.any(String) as unknown, after: 'Renamed by Gone' },
  });
  const stored = await auditTablesText();
  expect(stored).not.toContain(gone.accountId);
  expect(stored).not.toContain(gone.email);
  const file = await parseExport(
    (await fetchAuditExport(world.people.owner.actor, { organizationId: world.id })).text,
  );
  expect(await verifyExport(file.header, file.entries)).toMatchObject({
    ok: true,
    erasedDetails: 2,
  });
});
