import { screen, within } from '@testing-library/react';
import { CancelEmailChangeDocument, RequestEmailChangeDocument } from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { findToast, openSection } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const input = { newEmail: 'ada@lovelace.dev', password: 'Analytical-Engine-1' };

function requestEmailChangeMock(result: object) {
  return { request: { query: RequestEmailChangeDocument, variables: { input } }, result };
}

async function emailSection() {
  return within(await screen.findByRole('region', { name: 'Email address' }));
}

async function requestChange(user: ReturnType<typeof renderApp>['user']) {
  await openSection(user, 'Email address');
  const section = await emailSection();
  await user.type(section.getByLabelText('New email address'), input.newEmail);
  await user.type(section.getByLabelText('Current password'), input.password);
  await user.click(section.getByRole('button', { name: 'Send confirmation link' }));
  return section;
}

describe('Profile → Email address', () => {
  it('shows the current address and that it is not confirmed yet', async () => {
    renderApp('/settings/profile', [meMock(anAccount({ emailVerified: false }))]);

    const section = await emailSection();
    expect(section.getByText('ada@example.com')).toBeInTheDocument();
    expect(section.getByText('Not confirmed')).toBeInTheDocument();
  });

  it('sends the link and says the address changes once it is opened', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      requestEmailChangeMock({ data: { requestEmailChange: true } }),
    ]);

    const section = await requestChange(user);

    expect(
      await findToast('We sent a link to ada@lovelace.dev; your address changes when you open it.'),
    ).toBeInTheDocument();
    expect(section.queryByLabelText('New email address')).not.toBeInTheDocument();
    expect(section.getByText('ada@example.com')).toBeInTheDocument(); // not changed yet
    // Opened again, the form starts empty.
    await openSection(user, 'Email address');
    expect(section.getByLabelText('New email address')).toHaveValue('');
    expect(section.getByLabelText('Current password')).toHaveValue('');
  });

  it('shows the address waiting for its link, and cancels that change', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      requestEmailChangeMock({ data: { requestEmailChange: true } }),
      {
        request: { query: CancelEmailChangeDocument },
        result: { data: { cancelEmailChange: anAccount() } },
      },
    ]);
    const section = await requestChange(user);
    const waiting = await section.findByText(/Waiting for confirmation: ada@lovelace\.dev\./);

    await user.click(within(waiting).getByRole('button', { name: 'Cancel this change' }));

    expect(
      await findToast('The change to ada@lovelace.dev was cancelled; its link no longer works.'),
    ).toBeInTheDocument();
    expect(section.queryByText(/Waiting for confirmation/)).not.toBeInTheDocument();
    expect(section.getByText('ada@example.com')).toBeInTheDocument();
  });

  it('shows a change asked for earlier (another visit) as waiting', async () => {
    renderApp('/settings/profile', [meMock(anAccount({ pendingEmail: 'ada@new.example' }))]);
    const section = await emailSection();
    expect(section.getByText(/Waiting for confirmation: ada@new\.example\./)).toBeVisible();
  });

  it('shows a wrong password next to the password field', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      requestEmailChangeMock(
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { password: 'Wrong password' },
          reasons: { password: 'WRONG_PASSWORD' },
        }),
      ),
    ]);

    const section = await requestChange(user);

    const password = section.getByLabelText('Current password');
    await section.findByText('Wrong password.');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/Wrong password/);
    expect(password).toHaveFocus();
    expect(section.getByLabelText('New email address')).not.toHaveAttribute('aria-invalid');
    expect(section.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.queryByText(/We sent a link/)).not.toBeInTheDocument();
  });

  it('shows a taken address next to the new address', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      requestEmailChangeMock(
        errorResult('An account with this email already exists', {
          code: 'CONFLICT',
          reason: 'EMAIL_TAKEN',
          fields: { newEmail: 'An account with this email already exists' },
          reasons: { newEmail: 'EMAIL_TAKEN' },
        }),
      ),
    ]);

    const section = await requestChange(user);

    const newEmail = section.getByLabelText('New email address');
    await section.findByText('An account with this email already exists.');
    expect(newEmail).toHaveAccessibleDescription('An account with this email already exists.');
    expect(newEmail).toHaveFocus();
    expect(section.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('says when to try again after too many requests', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      requestEmailChangeMock(
        errorResult('Too many attempts', { code: 'RATE_LIMITED', retryAfterSeconds: 1 }),
      ),
    ]);

    const section = await requestChange(user);

    expect(await section.findByText('Too many attempts. Try again in 1 second.')).toBe(
      section.getByRole('alert'),
    );
  });
});
