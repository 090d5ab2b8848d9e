import { aPerson, collectPageErrors, withServerAndBrowser, uniqueEmail } from './browser';
import { linkIn, waitForMail } from './outbox';

const PASSWORD = 'Violet-Harbor-Lamp-42!';

const running = withServerAndBrowser();

describe('an owner who invites a new team member', () => {
  it('sees them on the Team page once they signed up from the mailed link and accepted', async () => {
    const { server, browser } = running();
    const contextOptions = { baseURL: server.baseUrl, locale: 'en-US' };

    // Context A: the owner signs up and opens their organization's Team page.
    const ownerContext = await browser.newContext(contextOptions);
    const ownerPage = await ownerContext.newPage();
    const ownerErrors = collectPageErrors(ownerPage);
    const owner = aPerson(ownerPage, uniqueEmail(), PASSWORD);
    await owner.signUp('Grace Hopper');
    await owner.heading('Profile');
    await ownerPage
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Team' })
      .click();
    const teamHeading = ownerPage.getByRole('heading', { level: 1, name: /^Team of / });
    await teamHeading.waitFor();
    const teamPath = owner.path();
    expect(teamPath).toMatch(/^\/settings\/team\/[^/]+$/);
    const members = ownerPage.getByRole('table', { name: 'Members' });
    await members.getByRole('rowheader', { name: 'Grace Hopper' }).waitFor();
    expect(await ownerPage.getByText('1 of 3 seats used').count()).toBe(1);

    // Invite a new address as MEMBER.
    const inviteeEmail = uniqueEmail();
    await ownerPage.getByRole('button', { name: 'Invite' }).click();
    const dialog = ownerPage.getByRole('dialog', { name: 'Invite a team member' });
    await dialog.getByLabel('Email').fill(inviteeEmail);
    expect(await dialog.getByLabel('Role').inputValue()).toBe('MEMBER');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await owner.toastSays(`Invitation sent to ${inviteeEmail}.`);
    await ownerPage
      .getByRole('table', { name: 'Pending invitations' })
      .getByRole('rowheader', { name: inviteeEmail })
      .waitFor();
    await ownerPage.getByText('2 of 3 seats used').waitFor();

    // The invitation mail, with its link to the SPA.
    const mail = await waitForMail(
      server.outboxDir,
      (message) =>
        message.to.includes(inviteeEmail) && message.text.includes('/invitations/accept'),
    );
    const link = linkIn(mail, '/invitations/accept');
    expect(link.origin).toBe(server.baseUrl);

    // Context B: the invitee follows the link signed out, signs up and comes back to accept.
    const inviteeContext = await browser.newContext(contextOptions);
    const inviteePage = await inviteeContext.newPage();
    const inviteeErrors = collectPageErrors(inviteePage);
    const invitee = aPerson(inviteePage, inviteeEmail, PASSWORD);
    await inviteePage.goto(link.href);
    await invitee.heading('Join an organization');
    await inviteePage.getByText('Grace Hopper invited you to join').waitFor();
    await inviteePage.getByRole('link', { name: 'Sign up to accept' }).click();
    await invitee.heading('Create your Atrium account');
    expect(await inviteePage.getByLabel('Email').inputValue()).toBe(inviteeEmail);
    await inviteePage.getByLabel('Full name').fill('Linus Torvalds');
    await inviteePage.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await inviteePage.getByRole('button', { name: 'Create account' }).click();

    await invitee.heading('Join an organization');
    expect(invitee.path()).toBe('/invitations/accept');
    await inviteePage.getByRole('button', { name: 'Accept invitation' }).click();
    await inviteePage.getByRole('heading', { level: 1, name: /^Team of / }).waitFor();
    expect(invitee.path()).toBe(teamPath);
    await inviteePage
      .getByRole('table', { name: 'Members' })
      .getByRole('rowheader', { name: 'Linus Torvalds' })
      .waitFor();

    // Back in context A: after a reload the new member is listed and the invitation is gone.
    await ownerPage.reload();
    await teamHeading.waitFor();
    await members.getByRole('rowheader', { name: 'Linus Torvalds' }).waitFor();
    expect(await members.getByRole('row').count()).toBe(3); // the header and two members
    await ownerPage.getByText('No pending invitations.').waitFor();

    expect(ownerErrors).toEqual([]);
    expect(inviteeErrors).toEqual([]);
    await inviteeContext.close();
    await ownerContext.close();
  });
});
