import { screen, within } from '@testing-library/react';
import { SignUpDocument } from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';

// The browser's own time zone goes with the sign-up (here a browser in Buenos Aires).
const input = {
  fullName: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'Analytical-Engine-1',
  timezone: 'America/Argentina/Buenos_Aires',
  issueToken: false,
};

jest.mock('../../profile/regions', () => ({
  ...jest.requireActual<object>('../../profile/regions'),
  detectedTimeZone: () => 'America/Argentina/Buenos_Aires',
}));

async function fillInAndSubmit(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Full name'), input.fullName);
  await user.type(screen.getByLabelText('Email'), input.email);
  await user.type(screen.getByLabelText('Password'), `${input.password}{Enter}`);
}

describe('SignUpPage', () => {
  it('creates the account and takes the person into the app', async () => {
    const { router, user } = renderApp('/signup', [
      meMock(null),
      {
        request: { query: SignUpDocument, variables: { input } },
        result: { data: { signUp: { __typename: 'AuthPayload', account: anAccount() } } },
      },
    ]);

    await fillInAndSubmit(user);

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/profile');
  });

  it('shows an email problem next to the email field', async () => {
    const { user } = renderApp('/signup', [
      meMock(null),
      {
        request: { query: SignUpDocument, variables: { input } },
        result: errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { email: 'An account with this email already exists' },
          reasons: { email: 'EMAIL_TAKEN' },
        }),
      },
    ]);

    await fillInAndSubmit(user);

    const email = screen.getByLabelText('Email');
    await screen.findByText('An account with this email already exists.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('An account with this email already exists.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('leaves focus where the person fixes a field, whatever the order', async () => {
    const { user } = renderApp('/signup', [
      meMock(null),
      {
        request: { query: SignUpDocument, variables: { input } },
        result: errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: {
            email: 'An account with this email already exists',
            password: 'This password is too common; choose another',
          },
          reasons: { email: 'EMAIL_TAKEN', password: 'PASSWORD_TOO_COMMON' },
        }),
      },
    ]);

    await fillInAndSubmit(user);
    await screen.findByText('An account with this email already exists.');
    expect(screen.getByLabelText('Email')).toHaveFocus();

    const password = screen.getByLabelText('Password');
    await user.click(password);
    await user.type(password, '!');

    expect(password).toHaveFocus();
    expect(password).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/too common/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for blank fields without calling the server', async () => {
    const { user } = renderApp('/signup', [meMock(null)]);

    await user.click(await screen.findByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription(
      'This field is required.',
    );
    expect(screen.getByLabelText('Full name')).toHaveFocus();
  });
});
