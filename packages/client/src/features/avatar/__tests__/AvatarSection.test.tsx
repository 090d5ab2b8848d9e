import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RemoveAvatarDocument } from '../../../generated/graphql';
import { anAccount, meMock } from '../../../test/mocks';
import { findToast } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const AVATAR_URL =
  'http://localhost:4000/avatars/0192f0c4-0000-7000-8000-000000000001/a1b2c3d4e5f60718.webp';

function anImage(name: string, type: string, bytes = 1024): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

function answer(status: number, body: object): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

async function pictureSection() {
  return within(await screen.findByRole('region', { name: 'Picture' }));
}

let fetchMock: jest.SpiedFunction<typeof fetch>;

beforeEach(() => {
  fetchMock = jest.spyOn(globalThis, 'fetch');
});

afterEach(() => {
  fetchMock.mockRestore();
});

describe('Profile → Picture', () => {
  it('shows the initials until there is a picture', async () => {
    renderApp('/settings/profile', [meMock(anAccount())]);

    const section = await pictureSection();
    expect(section.getByRole('img', { name: 'No profile picture yet' })).toHaveTextContent('AL');
    expect(section.getByLabelText('Profile picture')).toHaveAttribute(
      'accept',
      'image/png,image/jpeg,image/webp',
    );
    expect(section.queryByRole('button', { name: 'Remove picture' })).not.toBeInTheDocument();
  });

  it('uploads a chosen image and shows it', async () => {
    fetchMock.mockResolvedValue(answer(200, { avatarUrl: AVATAR_URL }));
    const { user } = renderApp('/settings/profile', [meMock(anAccount())]);
    const section = await pictureSection();
    const photo = anImage('me.png', 'image/png');

    await user.upload(section.getByLabelText('Profile picture'), photo);

    expect(await section.findByRole('img', { name: 'Your profile picture' })).toHaveAttribute(
      'src',
      AVATAR_URL,
    );
    expect(await findToast('Your picture was updated.')).toBeInTheDocument();
    expect(section.getByRole('button', { name: 'Remove picture' })).toBeInTheDocument();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/avatar');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-atrium-csrf': '1' },
    });
    expect((init?.body as FormData).get('avatar')).toBe(photo);
  });

  it.each([
    ['a GIF', anImage('party.gif', 'image/gif'), 'Choose a PNG, JPEG or WebP image.'],
    [
      'an image over 2 MB',
      anImage('huge.jpg', 'image/jpeg', 2 * 1024 * 1024 + 1),
      'Choose an image of at most 2 MB.',
    ],
  ])('refuses %s without uploading it', async (_kind, file, message) => {
    renderApp('/settings/profile', [meMock(anAccount())]);
    // The picker's `accept` filter is only a hint: "All files" lets a person choose anything.
    const user = userEvent.setup({ applyAccept: false });
    const section = await pictureSection();
    const input = section.getByLabelText('Profile picture');

    await user.upload(input, file);

    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(new RegExp(message.replace('.', '\\.')));
    expect(section.getByText(message)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(section.getByRole('img', { name: 'No profile picture yet' })).toBeInTheDocument();
  });

  it('shows what the server refused next to the file field', async () => {
    fetchMock.mockResolvedValue(
      answer(400, {
        errors: [
          {
            message: 'Invalid input: avatar',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: { avatar: 'Choose a PNG, JPEG or WebP image' },
              reasons: { avatar: 'AVATAR_TYPE_UNSUPPORTED' },
            },
          },
        ],
      }),
    );
    const { user } = renderApp('/settings/profile', [meMock(anAccount())]);
    const section = await pictureSection();

    await user.upload(section.getByLabelText('Profile picture'), anImage('fake.png', 'image/png'));

    expect(await section.findByText('Choose a PNG, JPEG or WebP image.')).toBeInTheDocument();
    expect(section.getByLabelText('Profile picture')).toHaveAttribute('aria-invalid', 'true');
    expect(section.getByRole('status')).toBeEmptyDOMElement();
  });

  it.each([
    [
      'the header was missing',
      'AVATAR_UPLOAD_HEADER_MISSING',
      { header: 'x-atrium-csrf' },
      'The upload was refused. Reload the page and try again.',
    ],
    [
      'the page is on another address',
      'AVATAR_UPLOAD_ORIGIN_REFUSED',
      { origin: 'http://127.0.0.1:37746' },
      'The upload was refused because this page was not opened at the app’s address. Open the app at its usual address and try again.',
    ],
  ])(
    'says in plain words that an upload was refused because %s',
    async (_why, reason, params, text) => {
      fetchMock.mockResolvedValue(
        answer(403, {
          errors: [
            {
              message: 'Uploads need the x-atrium-csrf header',
              extensions: { code: 'FORBIDDEN', reason, params },
            },
          ],
        }),
      );
      const { user } = renderApp('/settings/profile', [meMock(anAccount())]);
      const section = await pictureSection();

      await user.upload(section.getByLabelText('Profile picture'), anImage('me.png', 'image/png'));

      expect(await section.findByText(text)).toBeVisible();
      expect(section.queryByText(/x-atrium-csrf|header/)).not.toBeInTheDocument();
    },
  );

  it('takes the person to the login page when the upload finds the session gone', async () => {
    fetchMock.mockResolvedValue(
      answer(401, {
        errors: [
          {
            message: 'You must be signed in',
            extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' },
          },
        ],
      }),
    );
    const { user, router } = renderApp('/settings/profile', [meMock(anAccount())]);
    const section = await pictureSection();

    await user.upload(section.getByLabelText('Profile picture'), anImage('me.png', 'image/png'));

    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended');
  });

  it('says how long to wait when uploads are rate limited', async () => {
    fetchMock.mockResolvedValue(
      answer(429, {
        errors: [
          {
            message: 'Too many attempts',
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 },
          },
        ],
      }),
    );
    const { user } = renderApp('/settings/profile', [meMock(anAccount())]);
    const section = await pictureSection();

    await user.upload(section.getByLabelText('Profile picture'), anImage('me.webp', 'image/webp'));

    expect(await section.findByText('Too many attempts. Try again in 30 seconds.')).toBeVisible();
  });

  it('removes the picture', async () => {
    const withPicture = anAccount({ avatarUrl: AVATAR_URL });
    const { user } = renderApp('/settings/profile', [
      meMock(withPicture),
      {
        request: { query: RemoveAvatarDocument },
        result: { data: { removeAvatar: { ...withPicture, avatarUrl: null } } },
      },
    ]);
    const section = await pictureSection();
    expect(section.getByRole('img', { name: 'Your profile picture' })).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Remove picture' }));

    expect(await findToast('Your picture was removed.')).toBeInTheDocument();
    expect(section.getByRole('img', { name: 'No profile picture yet' })).toBeInTheDocument();
    expect(section.queryByRole('button', { name: 'Remove picture' })).not.toBeInTheDocument();
    expect(section.getByRole('heading', { name: 'Picture' })).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
