import { screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { MySessionsDocument } from '../../../generated/graphql';
import { anAccount, meMock, mySecurityEventsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { refusesSession } from '../sessionRefusedLink';

const unauthenticated = new GraphQLError('You must be signed in', {
  extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' },
});

describe('an UNAUTHENTICATED answer to the signed-in app', () => {
  it('takes the person to the login page saying the session ended, not to load errors', async () => {
    // The socket is down (no REVOKED event, no 4403): the next query finds the session gone.
    const { router } = renderApp('/settings/security', [
      meMock(anAccount()),
      mySecurityEventsMock([]),
      { request: { query: MySessionsDocument }, result: { errors: [unauthenticated] } },
    ]);

    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your session has ended (it expired or was signed out). Log in again to continue.',
    );
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/settings/security',
    );
    expect(screen.queryByText('Your devices could not be loaded.')).not.toBeInTheDocument();
  });

  it('is told apart from wrong credentials typed into a form', () => {
    expect(refusesSession([unauthenticated])).toBe(true);
    expect(
      refusesSession([
        {
          message: 'Invalid email or password',
          extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' },
        },
      ]),
    ).toBe(false);
    expect(refusesSession([{ message: 'x', extensions: { code: 'FORBIDDEN' } }])).toBe(false);
    expect(refusesSession(undefined)).toBe(false);
  });
});
