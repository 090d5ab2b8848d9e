import { screen, within } from '@testing-library/react';
import { ResendVerificationEmailDocument } from '../../../generated/graphql';
import { anAccount, errorResult, meMock, mySessionsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';

const unverified = anAccount({ emailVerified: false });

function resendMock(result: object) {
  return { request: { query: ResendVerificationEmailDocument }, result };
}

async function banner() {
  return within(await screen.findByRole('region', { name: 'Please confirm your email address' }));
}

describe('UnverifiedEmailBanner', () => {
  it('is not shown once the address is confirmed', async () => {
    renderApp('/settings/security', [meMock(anAccount()), mySessionsMock([])]);

    expect(await screen.findByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
    expect(screen.queryByText('Please confirm your email address')).not.toBeInTheDocument();
  });

  it('sends the link again on any page of the app', async () => {
    const { user } = renderApp('/settings/security', [
      meMock(unverified),
      mySessionsMock([]),
      resendMock({ data: { resendVerificationEmail: true } }),
    ]);

    const region = await banner();
    await user.click(region.getByRole('button', { name: 'Resend link' }));

    expect(await region.findByText('We sent a new link to ada@example.com.')).toBe(
      region.getByRole('status'),
    );
  });

  it('says how long to wait after too many requests', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(unverified),
      resendMock(errorResult('Too many attempts', { code: 'RATE_LIMITED', retryAfterSeconds: 42 })),
    ]);

    const region = await banner();
    await user.click(region.getByRole('button', { name: 'Resend link' }));

    expect(await region.findByText('Too many attempts. Try again in 42 seconds.')).toBe(
      region.getByRole('alert'),
    );
    expect(region.getByRole('status')).toBeEmptyDOMElement();
  });

  it('goes away when the server says the address was confirmed meanwhile', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(unverified),
      resendMock({ data: { resendVerificationEmail: false } }),
    ]);

    const region = await banner();
    await user.click(region.getByRole('button', { name: 'Resend link' }));

    await screen.findByText('Confirmed');
    expect(screen.queryByText('Please confirm your email address')).not.toBeInTheDocument();
  });
});
