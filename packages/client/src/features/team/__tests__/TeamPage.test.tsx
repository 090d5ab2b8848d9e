import { act, screen, within } from '@testing-library/react';
import {
  ChangeMemberRoleDocument,
  InviteTeamMemberDocument,
  ReauthenticateDocument,
  RemoveTeamMemberDocument,
  RevokeInvitationDocument,
} from '../../../generated/graphql';
import { anAccount, errorResult, meMock, myOrganizationsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { aMember, anInvitation, ORG_ID, teamMock } from './teamFixtures';

// Tokyo is UTC+9 all year: 14:05 UTC is 11:05 PM there, whatever zone the test machine is in.
const me = anAccount({ id: 'acc_me', timezone: 'Asia/Tokyo' });
const owner = aMember('mem_owner', 'Grace Hopper', 'OWNER');
const admin = aMember('mem_me', 'Ada Lovelace', 'ADMIN', 'acc_me');
const member = aMember('mem_alan', 'Alan Turing', 'MEMBER');

function renderTeam(...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp(`/settings/team/${ORG_ID}`, [
    meMock(me),
    myOrganizationsMock([{ id: ORG_ID, name: 'Acme', myRole: 'ADMIN' }]),
    ...mocks,
  ]);
}

async function membersTable() {
  return screen.findByRole('table', { name: 'Members' });
}

function rowOf(table: HTMLElement, name: string) {
  const row = within(table).getByRole('rowheader', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function optionNames(select: HTMLElement) {
  return within(select)
    .getAllByRole('option')
    .map((option) => option.textContent);
}

describe('Team', () => {
  it('lists members with their roles, joined dates in my time zone, and the seats used', async () => {
    renderTeam(teamMock({ myRole: 'ADMIN', members: [owner, admin, member] }));

    const table = await membersTable();
    expect(screen.getByRole('heading', { level: 1, name: 'Team of Acme' })).toBeInTheDocument();
    expect(screen.getByText('3 of 3 seats used')).toBeInTheDocument();
    const alan = rowOf(table, 'Alan Turing');
    expect(within(alan).getByText('alan@example.com')).toBeInTheDocument();
    expect(within(alan).getByText('Mar 10, 2025, 11:05 PM')).toBeInTheDocument();
    expect(within(alan).getByRole('combobox', { name: 'Role of Alan Turing' })).toHaveValue(
      'MEMBER',
    );
    expect(screen.getByRole('combobox', { name: 'Organization' })).toHaveDisplayValue(
      'Acme (Admin)',
    );
  });

  it('offers only the roles I may grant, and no controls for rows I may not manage', async () => {
    renderTeam(teamMock({ myRole: 'ADMIN', members: [owner, admin, member] }));

    const table = await membersTable();
    const alansRole = within(rowOf(table, 'Alan Turing')).getByRole('combobox');
    expect(alansRole).toBeEnabled();
    expect(optionNames(alansRole)).toEqual(['Admin', 'Manager', 'Member', 'Viewer']);

    const ownerRow = rowOf(table, 'Grace Hopper');
    expect(within(ownerRow).getByRole('combobox')).toBeDisabled();
    expect(within(ownerRow).queryByRole('button')).not.toBeInTheDocument();
    // My own row: I leave rather than remove or demote myself.
    expect(within(rowOf(table, 'Ada Lovelace')).getByRole('combobox')).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Transfer ownership/ })).not.toBeInTheDocument();
  });

  it('lets a manager grant nothing above manager', async () => {
    renderTeam(
      teamMock({
        myRole: 'MANAGER',
        members: [owner, { ...admin, role: 'MANAGER' }, member],
      }),
    );

    const table = await membersTable();
    const alansRole = within(rowOf(table, 'Alan Turing')).getByRole('combobox');
    expect(optionNames(alansRole)).toEqual(['Manager', 'Member', 'Viewer']);
  });

  it('changes a role', async () => {
    const { user } = renderTeam(
      teamMock({ myRole: 'ADMIN', members: [owner, admin, member] }),
      {
        request: {
          query: ChangeMemberRoleDocument,
          variables: { input: { memberId: member.id, role: 'MANAGER' } },
        },
        result: { data: { changeMemberRole: { ...member, role: 'MANAGER' } } },
      }, // the page asks again after the change
      teamMock({ myRole: 'ADMIN', members: [owner, admin, { ...member, role: 'MANAGER' }] }),
    );

    const table = await membersTable();
    await user.selectOptions(within(rowOf(table, 'Alan Turing')).getByRole('combobox'), 'Manager');

    expect(await screen.findByText('Alan Turing is now Manager.')).toBeInTheDocument();
    expect(within(rowOf(table, 'Alan Turing')).getByRole('combobox')).toHaveValue('MANAGER');
  });

  it('removes a member once confirmed', async () => {
    const { user } = renderTeam(
      teamMock({ myRole: 'ADMIN', members: [owner, admin, member] }),
      {
        request: { query: RemoveTeamMemberDocument, variables: { memberId: member.id } },
        result: { data: { removeTeamMember: true } },
      },
      teamMock({ myRole: 'ADMIN', members: [owner, admin] }),
    );

    const table = await membersTable();
    await user.click(within(table).getByRole('button', { name: 'Remove Alan Turing' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Alan Turing from the team?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('Alan Turing was removed from the team.')).toBeInTheDocument();
    expect(within(table).queryByRole('rowheader', { name: 'Alan Turing' })).not.toBeInTheDocument();
    expect(screen.getByText('2 of 3 seats used')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks for the password when the server wants a re-authentication, then removes the member', async () => {
    const removal = { query: RemoveTeamMemberDocument, variables: { memberId: member.id } };
    const { user } = renderTeam(
      teamMock({ myRole: 'ADMIN', members: [owner, admin, member] }),
      {
        request: removal,
        result: errorResult('Confirm your password to continue', {
          code: 'REAUTHENTICATION_REQUIRED',
        }),
      },
      {
        request: {
          query: ReauthenticateDocument,
          variables: { input: { password: 'Correct-horse-9' } },
        },
        result: { data: { reauthenticate: { __typename: 'Session', id: 'ses_this' } } },
      },
      { request: removal, result: { data: { removeTeamMember: true } } },
      teamMock({ myRole: 'ADMIN', members: [owner, admin] }),
    );

    const table = await membersTable();
    await user.click(within(table).getByRole('button', { name: 'Remove Alan Turing' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));

    // The app-wide re-authentication dialog asks, then the refused removal is retried.
    const reauth = within(await screen.findByRole('dialog', { name: "Confirm it's you" }));
    await user.type(reauth.getByLabelText('Password'), 'Correct-horse-9');
    await user.click(reauth.getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByText('Alan Turing was removed from the team.')).toBeInTheDocument();
    expect(within(table).queryByRole('rowheader', { name: 'Alan Turing' })).not.toBeInTheDocument();
  });

  it('says clearly when an invitation would go over the plan’s seats', async () => {
    const { user } = renderTeam(teamMock({ myRole: 'ADMIN', members: [owner, admin, member] }), {
      request: {
        query: InviteTeamMemberDocument,
        variables: {
          input: { organizationId: ORG_ID, email: 'kay@example.com', role: 'VIEWER' },
        },
      },
      result: errorResult('The PROFESSIONAL plan includes 3 seats', {
        code: 'PLAN_LIMIT_REACHED',
        limit: 3,
        used: 3,
      }),
    });

    await membersTable();
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite a team member' });
    expect(within(dialog).getByLabelText('Email')).toHaveFocus();
    expect(within(dialog).getByLabelText('Role')).toHaveValue('MEMBER');
    await user.type(within(dialog).getByLabelText('Email'), 'kay@example.com');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Viewer');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(
      await within(dialog).findByText(/Your plan includes 3 seats, and members plus pending/),
    ).toBe(within(dialog).getByRole('alert'));
    expect(within(dialog).getByLabelText('Email')).toHaveValue('kay@example.com');
  });

  it('invites someone and lists the invitation as pending', async () => {
    const invitation = anInvitation('inv_kay', 'kay@example.com', 'MEMBER');
    const { user } = renderTeam(
      teamMock({ myRole: 'ADMIN', members: [owner, admin], seatLimit: null }),
      {
        request: {
          query: InviteTeamMemberDocument,
          variables: {
            input: { organizationId: ORG_ID, email: 'kay@example.com', role: 'MEMBER' },
          },
        },
        result: { data: { inviteTeamMember: invitation } },
      },
      teamMock({
        myRole: 'ADMIN',
        members: [owner, admin],
        invitations: [invitation],
        seatLimit: null,
      }),
    );

    await membersTable();
    expect(screen.getByText('2 seats used (unlimited)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    await user.type(screen.getByLabelText('Email'), 'kay@example.com{Enter}');

    expect(await screen.findByText('Invitation sent to kay@example.com.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const pending = screen.getByRole('table', { name: 'Pending invitations' });
    expect(within(pending).getByRole('rowheader', { name: 'kay@example.com' })).toBeInTheDocument();
    expect(screen.getByText('3 seats used (unlimited)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invite' })).toHaveFocus();
  });

  it('revokes a pending invitation', async () => {
    const invitation = anInvitation('inv_kay', 'kay@example.com', 'MEMBER');
    const { user } = renderTeam(
      teamMock({ myRole: 'ADMIN', members: [owner, admin], invitations: [invitation] }),
      {
        request: { query: RevokeInvitationDocument, variables: { id: invitation.id } },
        result: { data: { revokeInvitation: { ...invitation, status: 'REVOKED' } } },
      },
      teamMock({ myRole: 'ADMIN', members: [owner, admin] }),
    );

    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(screen.getByText('3 of 3 seats used')).toBeInTheDocument();
    await user.click(
      within(pending).getByRole('button', { name: 'Revoke the invitation to kay@example.com' }),
    );

    expect(
      await screen.findByText('The invitation to kay@example.com was revoked.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No pending invitations.')).toBeInTheDocument();
    expect(screen.getByText('2 of 3 seats used')).toBeInTheDocument();
  });

  it('shows an invitee who accepted meanwhile once the page is back in view', async () => {
    const invitation = anInvitation('inv_kay', 'kay@example.com', 'MEMBER');
    const kay = aMember('mem_kay', 'Kay Nygaard', 'MEMBER');
    renderTeam(
      teamMock({ myRole: 'ADMIN', members: [owner, admin], invitations: [invitation] }),
      teamMock({ myRole: 'ADMIN', members: [owner, admin, kay] }),
    );
    const table = await membersTable();
    expect(screen.getByRole('table', { name: 'Pending invitations' })).toBeInTheDocument();

    // The person comes back to this tab after Kay accepted in her own browser.
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });

    expect(await within(table).findByRole('rowheader', { name: 'Kay Nygaard' })).toBeVisible();
    expect(screen.getByText('No pending invitations.')).toBeInTheDocument();
    expect(screen.getByText('3 of 3 seats used')).toBeInTheDocument();
  });

  it('shows more members page by page', async () => {
    const { user } = renderTeam(
      teamMock({ myRole: 'MEMBER', members: [owner, admin], hasNextPage: true }),
      teamMock({ myRole: 'MEMBER', members: [member], after: `cursor_${admin.id}` }),
    );

    const table = await membersTable();
    expect(screen.queryByRole('button', { name: 'Invite' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));

    expect(
      await within(table).findByRole('rowheader', { name: 'Alan Turing' }),
    ).toBeInTheDocument();
    expect(within(table).getAllByRole('rowheader')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(within(rowOf(table, 'Alan Turing')).getByRole('combobox')).toBeDisabled();
  });
});
