import { screen } from '@testing-library/react';
import {
  AcceptInvitationDocument,
  InvitationByTokenDocument,
  type Role,
} from '../../../generated/graphql';
import { anAccount, meMock, myOrganizationsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { aMember, teamMock } from '../../team/__tests__/teamFixtures';

const TOKEN = 'tok_abc';
const PAGE = `/invitations/accept?token=${TOKEN}`;

const previewMock = {
  request: { query: InvitationByTokenDocument, variables: { token: TOKEN } },
  result: {
    data: {
      invitationByToken: {
        __typename: 'InvitationPreview',
        email: 'kay@example.com',
        organizationName: 'Acme',
        invitedByName: 'Grace Hopper',
        role: 'MEMBER',
        status: 'PENDING',
        expiresAt: '2025-03-17T14:05:00.000Z',
      },
    },
  },
};

const own = { id: 'org_own', name: 'Kay’s workspace', myRole: 'OWNER' as Role };
const acme = { id: 'org_acme', name: 'Acme', myRole: 'MEMBER' as Role };

describe('AcceptInvitationPage', () => {
  it('shows a signed-out visitor the invitation and ways in that come back here', async () => {
    renderApp(PAGE, [meMock(null), previewMock]);

    expect(
      await screen.findByText('Grace Hopper invited you to join Acme as Member.'),
    ).toBeInTheDocument();
    expect(screen.getByText('kay@example.com')).toBeInTheDocument();
    const next = encodeURIComponent(PAGE);
    expect(screen.getByRole('link', { name: 'Sign up to accept' })).toHaveAttribute(
      'href',
      `/signup?next=${next}&email=kay%40example.com`,
    );
    expect(screen.getByRole('link', { name: 'Log in to accept' })).toHaveAttribute(
      'href',
      `/login?next=${next}`,
    );
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
    // Every account has an organization of its own: signing up to accept makes one too.
    expect(
      screen.getByText(/Signing up also creates an organization of your own/),
    ).toBeInTheDocument();
  });

  it('prefills the invited address on the sign-up page', async () => {
    const { user } = renderApp(PAGE, [meMock(null), previewMock]);

    await user.click(await screen.findByRole('link', { name: 'Sign up to accept' }));

    expect(await screen.findByLabelText('Email')).toHaveValue('kay@example.com');
  });

  it('explains when I am signed in with another address', async () => {
    renderApp(PAGE, [meMock(anAccount({ email: 'ada@example.com' })), previewMock]);

    expect(
      await screen.findByText(
        /This invitation is for kay@example.com, but you are signed in as ada@example.com/,
      ),
    ).toHaveAttribute('role', 'alert');
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
  });

  it('accepts and opens the Team page of the organization I joined', async () => {
    const { router, user } = renderApp(PAGE, [
      meMock(anAccount({ email: 'Kay@Example.com' })),
      previewMock,
      myOrganizationsMock([own]),
      {
        request: { query: AcceptInvitationDocument, variables: { token: TOKEN } },
        result: {
          data: { acceptInvitation: { __typename: 'TeamMember', id: 'mem_kay', role: 'MEMBER' } },
        },
      },
      myOrganizationsMock([own, acme]),
      teamMock({
        organizationId: acme.id,
        myRole: 'MEMBER',
        members: [
          aMember('mem_grace', 'Grace Hopper', 'OWNER'),
          aMember('mem_kay', 'Kay', 'MEMBER', 'acc_1'),
        ],
      }),
    ]);

    await user.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Team of Acme' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/team/org_acme');
    // The organization switcher now lists two: the page says why.
    expect(
      screen.getByText(
        'You joined Acme. Your account also belongs to Kay’s workspace; switch organizations in the menu at the top.',
      ),
    ).toBe(screen.getAllByRole('status')[0]);
  });
});
