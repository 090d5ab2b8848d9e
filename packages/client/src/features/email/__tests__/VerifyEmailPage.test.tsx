import { act, screen, within } from '@testing-library/react';
import { ConfirmEmailChangeDocument } from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';

function confirmMock(token: string, result: object) {
  return { request: { query: ConfirmEmailChangeDocument, variables: { token } }, result };
}

const confirmed = anAccount({ email: 'ada@lovelace.dev', emailVerified: true });

describe('VerifyEmailPage', () => {
  it('confirms the address of a signed-out visitor and offers to log in', async () => {
    renderApp('/verify-email?token=tok_1', [
      meMock(null),
      confirmMock('tok_1', { data: { confirmEmailChange: confirmed } }),
    ]);

    expect(await screen.findByText('Confirming your email address…')).toBe(
      screen.getByRole('status'),
    );
    expect(await screen.findByText('Your email address is confirmed: ada@lovelace.dev')).toBe(
      screen.getByRole('status'),
    );
    expect(await screen.findByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('uses the link once, although StrictMode runs the effect twice', async () => {
    // A second request would be answered too; the server would refuse it as already used.
    const redeem = jest.fn(() => ({ data: { confirmEmailChange: confirmed } }));
    const { router } = renderApp(
      '/settings/profile',
      [
        { ...meMock(anAccount({ emailVerified: false })), maxUsageCount: 2 }, // StrictMode again
        {
          request: { query: ConfirmEmailChangeDocument, variables: { token: 'tok_1' } },
          result: redeem,
          maxUsageCount: 2,
        },
      ],
      { strictMode: true },
    );
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeVisible();

    // `me` is cached now, so the page can redeem the link as it mounts.
    await act(() => router.navigate('/verify-email?token=tok_1'));

    await screen.findByText('Your email address is confirmed: ada@lovelace.dev');
    expect(redeem).toHaveBeenCalledTimes(1);
  });

  it('updates the signed-in account and leads back to the profile', async () => {
    const { user } = renderApp('/verify-email?token=tok_1', [
      meMock(anAccount({ emailVerified: false })),
      confirmMock('tok_1', { data: { confirmEmailChange: confirmed } }),
    ]);

    await screen.findByText('Your email address is confirmed: ada@lovelace.dev');
    await user.click(await screen.findByRole('link', { name: 'Go to your profile' }));

    const email = within(await screen.findByRole('region', { name: 'Email address' }));
    expect(email.getByText('ada@lovelace.dev')).toBeInTheDocument();
    expect(email.getByText('Confirmed')).toBeInTheDocument();
    expect(screen.queryByText('Please confirm your email address')).not.toBeInTheDocument();
  });

  it('says when the link is bad, expired or used', async () => {
    renderApp('/verify-email?token=tok_used', [
      meMock(null),
      confirmMock(
        'tok_used',
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { token: 'This link is invalid, expired or already used' },
          reasons: { token: 'LINK_INVALID' },
        }),
      ),
    ]);

    expect(await screen.findByText('This link is invalid, expired or already used.')).toBe(
      screen.getByRole('alert'),
    );
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
  });

  it('says when someone else took the address meanwhile', async () => {
    renderApp('/verify-email?token=tok_1', [
      meMock(null),
      confirmMock(
        'tok_1',
        errorResult('An account with this email already exists', {
          code: 'CONFLICT',
          reason: 'EMAIL_TAKEN',
          fields: { token: 'An account with this email already exists' },
          reasons: { token: 'EMAIL_TAKEN' },
        }),
      ),
    ]);

    expect(await screen.findByText(/Another account uses this address now/)).toBe(
      screen.getByRole('alert'),
    );
  });

  it('needs no request for a link without a token', async () => {
    renderApp('/verify-email', [meMock(null)]);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link is invalid, expired or already used.',
    );
  });
});
