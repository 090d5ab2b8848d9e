import type { AtriumServer } from '../src/app';
import { InvitationEntity } from '../src/modules/invitation/invitation.entity';
import { TeamMemberEntity } from '../src/modules/organization/team-member.entity';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import { SignUp, UpdateProfile } from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import {
  AcceptInvitation,
  InvitationByToken,
  InviteTeamMember,
  MyOrganizations,
  OrganizationById,
  OrganizationMembers,
  ResendInvitation,
  RevokeInvitation,
} from './support/organization-documents';
import { seedAccount, seedOrganization } from './support/organizations';
import { linkToken, SmtpInbox } from './support/smtp';
import { startTestServer, uniqueEmail } from './support/server';

let atrium: AtriumServer;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  atrium = await startTestServer({ SMTP_URL: inbox.url, APP_URL: 'http://app.example.test' });
});

afterAll(async () => {
  await atrium.close();
  await inbox.close();
});

const INVITED = /invited you to/;
const ACCEPT = '/invitations/accept';

function fieldErrors(result: GraphQLResult<unknown>): Record<string, string> {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields as Record<string, string>;
}

/** The n-th mail to an address, waiting for it to arrive. */
async function nthMail(to: string, n: number) {
  for (let waited = 0; inbox.mailsTo(to).length < n; waited += 50) {
    if (waited > 5000) throw new Error(`no mail #${n} to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return inbox.mailsTo(to)[n - 1];
}

const invitationRows = (organizationId: string) =>
  atrium.dataSource.getRepository(InvitationEntity).findBy({ organizationId });

describe('inviting and accepting', () => {
  it('mails a link; a new person signs up with that address, follows it and joins with the role', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const email = uniqueEmail('newcomer');
    const invited = await org.people.owner.actor.run(InviteTeamMember, {
      input: { organizationId: org.id, email, role: 'MANAGER' },
    });
    expect(invited.inviteTeamMember).toMatchObject({ email, role: 'MANAGER', status: 'PENDING' });

    const mail = await inbox.waitFor(email, INVITED);
    expect(mail.subject).toBe(`Owner Person invited you to Seeded ${org.id.slice(-6)} on Atrium`);
    expect(mail.text).toContain('as manager');
    expect(mail.text).toContain(`http://app.example.test${ACCEPT}?token=`);
    const token = linkToken(mail, ACCEPT);
    expect(JSON.stringify(await invitationRows(org.id))).not.toContain(token);

    const preview = await new Actor(atrium.url).run(InvitationByToken, { token });
    expect(preview.invitationByToken).toEqual({
      organizationName: `Seeded ${org.id.slice(-6)}`,
      invitedByName: 'Owner Person',
      email,
      role: 'MANAGER',
      status: 'PENDING',
    });

    const newcomer = new Actor(atrium.url);
    await newcomer.run(SignUp, {
      input: { email, password: STRONG_PASSWORD, fullName: 'New Comer' },
    });
    const accepted = await newcomer.run(AcceptInvitation, { token });
    expect(accepted.acceptInvitation).toMatchObject({
      role: 'MANAGER',
      account: { email, fullName: 'New Comer' },
    });

    const mine = await newcomer.run(MyOrganizations);
    expect(mine.myOrganizations.map((o) => o.myRole).sort()).toEqual(['MANAGER', 'OWNER']);
    const seen = await org.people.owner.actor.run(OrganizationById, { id: org.id });
    expect(seen.organization?.invitations).toEqual([]);
    expect(seen.organization?.seatsUsed).toBe(2);
    const members = await org.people.owner.actor.run(OrganizationMembers, { id: org.id });
    expect(members.organization?.members.edges.map((e) => e.node.account.email)).toContain(email);

    expect(fieldErrors(await newcomer.execute(AcceptInvitation, { token })).token).toMatch(
      /already accepted/,
    );
  });

  it('an existing account accepts while signed in; an account with another address is refused', async () => {
    const org = await seedOrganization(atrium).member('admin', 'ADMIN').build();
    const invitee = await seedAccount(atrium, 'invitee');
    const stranger = await seedAccount(atrium, 'stranger');
    await org.people.admin.actor.run(InviteTeamMember, {
      input: { organizationId: org.id, email: invitee.email.toUpperCase(), role: 'VIEWER' },
    });
    const token = linkToken(await inbox.waitFor(invitee.email, INVITED), ACCEPT);

    const refused = await stranger.actor.execute(AcceptInvitation, { token });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/another email address/);
    expect(errorCode(await new Actor(atrium.url).execute(AcceptInvitation, { token }))).toBe(
      'UNAUTHENTICATED',
    );

    const accepted = await invitee.actor.run(AcceptInvitation, { token });
    expect(accepted.acceptInvitation.role).toBe('VIEWER');
    const membership = await atrium.dataSource
      .getRepository(TeamMemberEntity)
      .findBy({ organizationId: org.id, accountId: stranger.accountId });
    expect(membership).toEqual([]);
  });

  it('20 parallel acceptances of one invitation: exactly one membership', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const invitee = await seedAccount(atrium, 'racer');
    await org.people.owner.actor.run(InviteTeamMember, {
      input: { organizationId: org.id, email: invitee.email, role: 'MEMBER' },
    });
    const token = linkToken(await inbox.waitFor(invitee.email, INVITED), ACCEPT);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => invitee.actor.execute(AcceptInvitation, { token })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'BAD_USER_INPUT')).toHaveLength(19);
    const members = await atrium.dataSource
      .getRepository(TeamMemberEntity)
      .countBy({ organizationId: org.id, accountId: invitee.accountId });
    expect(members).toBe(1);
  });

  it('writes the mail in the language of an invitee who has an account', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const { actor, email } = await signedUpBrowser(atrium.url, 'Hablante');
    await actor.run(UpdateProfile, { input: { locale: 'es' } });
    await org.people.owner.actor.run(InviteTeamMember, {
      input: { organizationId: org.id, email, role: 'ADMIN' },
    });
    const mail = await inbox.waitFor(email, /te invitó a/);
    expect(mail.text).toContain('como administrador');
    expect(mail.html).toContain('lang="es"');
  });

  it('answers null for an unknown link, and BAD_USER_INPUT on token when accepting one', async () => {
    const { actor } = await seedAccount(atrium, 'guesser');
    expect((await actor.run(InvitationByToken, { token: 'nope' })).invitationByToken).toBeNull();
    expect(fieldErrors(await actor.execute(AcceptInvitation, { token: 'nope' }))).toEqual({
      token: 'This invitation link is invalid',
    });
  });
});

describe('resending and revoking', () => {
  it('resending mails a new link and the old one stops working', async () => {
    const org = await seedOrganization(atrium).member('manager', 'MANAGER').build();
    const invitee = await seedAccount(atrium, 'twice');
    const { inviteTeamMember } = await org.people.manager.actor.run(InviteTeamMember, {
      input: { organizationId: org.id, email: invitee.email, role: 'MEMBER' },
    });
    const first = linkToken(await inbox.waitFor(invitee.email, INVITED), ACCEPT);
    await org.people.manager.actor.run(ResendInvitation, { id: inviteTeamMember.id });
    const second = linkToken(await nthMail(invitee.email, 2), ACCEPT);
    expect(second).not.toBe(first);
    expect(fieldErrors(await invitee.actor.execute(AcceptInvitation, { token: first })).token).toBe(
      'This invitation link is invalid',
    );
    await invitee.actor.run(AcceptInvitation, { token: second });
  });

  it('revoking stops the link and frees the seat', async () => {
    const org = await seedOrganization(atrium)
      .onPlan('PROFESSIONAL')
      .member('owner', 'OWNER')
      .build();
    const invitee = await seedAccount(atrium, 'revoked');
    const { inviteTeamMember } = await org.people.owner.actor.run(InviteTeamMember, {
      input: { organizationId: org.id, email: invitee.email, role: 'MEMBER' },
    });
    const token = linkToken(await inbox.waitFor(invitee.email, INVITED), ACCEPT);
    const revoked = await org.people.owner.actor.run(RevokeInvitation, { id: inviteTeamMember.id });
    expect(revoked.revokeInvitation.status).toBe('REVOKED');
    expect(fieldErrors(await invitee.actor.execute(AcceptInvitation, { token })).token).toBe(
      'This invitation was revoked',
    );
    const seen = await org.people.owner.actor.run(OrganizationById, { id: org.id });
    expect(seen.organization).toMatchObject({ seatsUsed: 1, invitations: [] });
    expect(
      errorCode(
        await org.people.owner.actor.execute(ResendInvitation, { id: inviteTeamMember.id }),
      ),
    ).toBe('CONFLICT');
  });

  it('an expired invitation is refused, frees its seat, and resending revives it', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .invitation('late', 'VIEWER')
      .build();
    const late = org.invitations.late;
    await atrium.dataSource
      .getRepository(InvitationEntity)
      .update({ id: late.id }, { expiresAt: new Date(Date.now() - 1000) });
    const invitee = await seedAccount(atrium, 'late');
    await atrium.dataSource
      .getRepository(InvitationEntity)
      .update({ id: late.id }, { email: invitee.email, emailNormalized: invitee.email });

    expect(
      fieldErrors(await invitee.actor.execute(AcceptInvitation, { token: late.token })).token,
    ).toMatch(/expired/);
    const seen = await org.people.owner.actor.run(OrganizationById, { id: org.id });
    expect(seen.organization).toMatchObject({ seatsUsed: 1, invitations: [] });

    const resent = await org.people.owner.actor.run(ResendInvitation, { id: late.id });
    expect(resent.resendInvitation.status).toBe('PENDING');
    const token = linkToken(await inbox.waitFor(invitee.email, INVITED), ACCEPT);
    await invitee.actor.run(AcceptInvitation, { token });
  });
});

describe('seat limits', () => {
  it('counts pending invitations: PROFESSIONAL allows 3 seats, the 4th is PLAN_LIMIT_REACHED', async () => {
    const org = await seedOrganization(atrium)
      .onPlan('PROFESSIONAL')
      .member('owner', 'OWNER')
      .member('member', 'MEMBER')
      .build();
    const owner = org.people.owner.actor;
    await owner.run(InviteTeamMember, {
      input: { organizationId: org.id, email: uniqueEmail('third'), role: 'VIEWER' },
    });
    const over = await owner.execute(InviteTeamMember, {
      input: { organizationId: org.id, email: uniqueEmail('fourth'), role: 'VIEWER' },
    });
    expect(errorCode(over)).toBe('PLAN_LIMIT_REACHED');
    expect(over.errors?.[0].extensions).toMatchObject({ limit: 3, used: 3 });
    expect(await invitationRows(org.id)).toHaveLength(1);
    const seen = await owner.run(OrganizationById, { id: org.id });
    expect(seen.organization).toMatchObject({ plan: 'PROFESSIONAL', seatLimit: 3, seatsUsed: 3 });
  });

  it('takes the catalog from PLAN_SEATS', async () => {
    const local = await startTestServer({ PLAN_SEATS: 'PROFESSIONAL=1,DENTAL=unlimited' });
    try {
      const org = await seedOrganization(local)
        .onPlan('PROFESSIONAL')
        .member('owner', 'OWNER')
        .build();
      const over = await org.people.owner.actor.execute(InviteTeamMember, {
        input: { organizationId: org.id, email: uniqueEmail('none'), role: 'VIEWER' },
      });
      expect(over.errors?.[0].extensions).toMatchObject({ code: 'PLAN_LIMIT_REACHED', limit: 1 });
      const dental = await seedOrganization(local)
        .onPlan('DENTAL')
        .member('owner', 'OWNER')
        .build();
      const seats = await dental.people.owner.actor.run(OrganizationById, { id: dental.id });
      expect(seats.organization?.seatLimit).toBeNull();
    } finally {
      await local.close();
    }
  });
});

describe('refused invitations', () => {
  it('answers CONFLICT for a member or an address already invited, and writes nothing', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('colleague', 'MEMBER')
      .invitation('waiting', 'VIEWER')
      .build();
    const owner = org.people.owner.actor;
    for (const email of [org.people.colleague.email.toUpperCase(), org.invitations.waiting.email]) {
      const result = await owner.execute(InviteTeamMember, {
        input: { organizationId: org.id, email, role: 'VIEWER' },
      });
      expect(errorCode(result)).toBe('CONFLICT');
      expect(result.errors?.[0].extensions?.fields).toHaveProperty('email');
    }
    expect(await invitationRows(org.id)).toHaveLength(1);
  });

  it('names the field of bad input and writes nothing', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const owner = org.people.owner.actor;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'not-an-email' }, 'email'],
      [{ email: `${'a'.repeat(250)}@example.test` }, 'email'],
      [{ role: 'OWNER' }, 'role'],
    ];
    for (const [change, field] of cases) {
      const input = {
        organizationId: org.id,
        email: uniqueEmail('bad'),
        role: 'VIEWER',
        ...change,
      };
      const result = await owner.execute(InviteTeamMember, {
        input: input as { organizationId: string; email: string; role: 'VIEWER' },
      });
      expect(fieldErrors(result)).toHaveProperty(field);
    }
    const badRole = await owner.execute(InviteTeamMember, {
      input: { organizationId: org.id, email: uniqueEmail('bad'), role: 'KING' as 'VIEWER' },
    });
    expect(errorCode(badRole)).toBe('BAD_USER_INPUT');
    expect(badRole.errors?.[0].message).toContain('role');
    expect(await invitationRows(org.id)).toEqual([]);
    expect(inbox.messages.filter((m) => m.to.startsWith('bad-'))).toEqual([]);
  });

  it('nobody invites above their own role', async () => {
    const org = await seedOrganization(atrium).member('manager', 'MANAGER').build();
    const result = await org.people.manager.actor.execute(InviteTeamMember, {
      input: { organizationId: org.id, email: uniqueEmail('boss'), role: 'ADMIN' },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await invitationRows(org.id)).toEqual([]);
  });
});
