import { act, screen, within } from '@testing-library/react';
import { RequestPasswordResetDocument, ResetPasswordDocument } from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';

const NEW = 'Brand-New-Password-2';

function resetPasswordMock(token: string, result: object) {
  return {
    request: { query: ResetPasswordDocument, variables: { input: { token, newPassword: NEW } } },
    result,
  };
}

describe('ForgotPasswordPage', () => {
  it('is linked from the login page', async () => {
    const { router, user } = renderApp('/login', [meMock(null)]);

    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));

    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/forgot-password');
  });

  it('gives the same answer whoever asks', async () => {
    const { user } = renderApp('/forgot-password', [
      meMock(null),
      {
        request: { query: RequestPasswordResetDocument, variables: { email: 'ada@example.com' } },
        result: { data: { requestPasswordReset: true } },
      },
    ]);

    await user.type(await screen.findByLabelText('Email'), ' ada@example.com {Enter}');

    expect(await screen.findByText('If an account exists for that address, we sent a link.')).toBe(
      screen.getByRole('status'),
    );
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('says when to try again after too many requests', async () => {
    const { user } = renderApp('/forgot-password', [
      meMock(null),
      {
        request: { query: RequestPasswordResetDocument, variables: { email: 'ada@example.com' } },
        result: errorResult('Too many attempts', { code: 'RATE_LIMITED', retryAfterSeconds: 90 }),
      },
    ]);

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com{Enter}');

    expect(await screen.findByText('Too many attempts. Try again in 90 seconds.')).toBe(
      screen.getByRole('alert'),
    );
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('asks for the address before calling the server', async () => {
    const { user } = renderApp('/forgot-password', [meMock(null)]);

    await user.click(await screen.findByRole('button', { name: 'Send reset link' }));

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByLabelText('Email')).toHaveFocus();
  });
});

describe('ResetPasswordPage', () => {
  async function choosePassword(user: ReturnType<typeof renderApp>['user'], confirm = NEW) {
    await user.type(await screen.findByLabelText('New password'), NEW);
    await user.type(screen.getByLabelText('Confirm new password'), confirm);
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
  }

  it('sets the new password and sends the person to log in with it', async () => {
    const { router, user } = renderApp('/reset-password?token=tok_1', [
      resetPasswordMock('tok_1', { data: { resetPassword: true } }),
    ]);
    expect(await screen.findByRole('meter', { name: 'Password strength' })).toBeInTheDocument();

    await choosePassword(user);

    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your password was changed. Sign in with the new one.',
    );
  });

  it('works from a browser that is still signed in, and signs it out', async () => {
    const { router, user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      resetPasswordMock('tok_1', { data: { resetPassword: true } }),
    ]);
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeVisible();
    await act(() => router.navigate('/reset-password?token=tok_1'));

    await choosePassword(user);

    // The cached account is gone, so the login page does not send the person back in.
    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
  });

  it('checks the confirmation here', async () => {
    const { user } = renderApp('/reset-password?token=tok_1', [meMock(null)]);

    await choosePassword(user, 'something else');

    const confirm = screen.getByLabelText('Confirm new password');
    expect(confirm).toHaveAccessibleDescription('The passwords do not match.');
    expect(confirm).toHaveFocus();
  });

  it('shows a policy problem next to the new password', async () => {
    const { user } = renderApp('/reset-password?token=tok_1', [
      resetPasswordMock(
        'tok_1',
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { newPassword: 'Your password must not be your email address' },
          reasons: { newPassword: 'PASSWORD_IS_EMAIL' },
        }),
      ),
    ]);

    await choosePassword(user);

    const newPassword = screen.getByLabelText('New password');
    await screen.findByText('Your password must not be your email address.');
    expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    expect(newPassword).toHaveFocus();
  });

  it('offers a new link when this one is used up', async () => {
    const { user } = renderApp('/reset-password?token=tok_used', [
      resetPasswordMock(
        'tok_used',
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { token: 'This link is invalid, expired or already used' },
          reasons: { token: 'LINK_INVALID' },
        }),
      ),
    ]);

    await choosePassword(user);

    expect(await screen.findByText('This reset link is invalid, expired or already used.')).toBe(
      screen.getByRole('alert'),
    );
    expect(screen.getByRole('link', { name: 'Get a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('says so when the link has no token', async () => {
    renderApp('/reset-password', []);

    const card = within(await screen.findByRole('region', { name: 'Choose a new password' }));
    expect(card.getByRole('alert')).toHaveTextContent('This reset link is invalid');
    expect(card.queryByLabelText('New password')).not.toBeInTheDocument();
  });
});
