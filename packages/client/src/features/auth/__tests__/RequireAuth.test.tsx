import { screen, within } from '@testing-library/react';
import { LogOutDocument } from '../../../generated/graphql';
import { anAccount, meMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { logOutFromMenu } from '../../../test/actions';

describe('RequireAuth', () => {
  it('sends a signed-out visitor to log in, remembering where they were going', async () => {
    const { router } = renderApp('/settings/security?tab=sessions', [meMock(null)]);

    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/settings/security?tab=sessions',
    );
  });

  it('redirects / to the profile for a signed-in person', async () => {
    const { router } = renderApp('/', [meMock(anAccount())]);

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/profile');
  });
});

describe('AppShell', () => {
  it('shows the account and marks the current section', async () => {
    const { user } = renderApp('/settings/profile', [meMock(anAccount())]);

    const nav = await screen.findByRole('navigation', { name: 'Settings' });
    expect(within(nav).getByRole('link', { name: 'Profile' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();

    await user.click(within(nav).getByRole('link', { name: 'Plan & billing' }));

    expect(await screen.findByRole('heading', { name: /^Plan & billing/ })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Plan & billing' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Profile' })).not.toHaveAttribute('aria-current');
  });

  it('logs out and shows the login page', async () => {
    const { router, user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      { request: { query: LogOutDocument }, result: { data: { logOut: true } } },
    ]);

    await logOutFromMenu(user);

    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
  });
});
