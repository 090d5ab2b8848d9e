import { screen, within } from '@testing-library/react';
import { UpdateProfileDocument } from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { findToast, openSection } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const account = anAccount();

function updateProfileMock(input: Record<string, unknown>, result: object) {
  return { request: { query: UpdateProfileDocument, variables: { input } }, result };
}

/** The details form's section; the page has others (picture, email, phone), each with a status. */
function details() {
  return screen.findByRole('region', { name: 'Details' });
}

describe('ProfilePage', () => {
  it('shows the saved profile, the address it signs in with and its phone number', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(anAccount({ username: 'ada', country: 'GB', phone: '+447700900123' })),
    ]);

    // Closed, the details section says what is set; Edit opens the form with the same values.
    expect(within(await details()).getByText(/Ada Lovelace · @ada · Europe\/London · English/));
    await openSection(user, 'Details');
    expect(await screen.findByLabelText('Full name')).toHaveValue('Ada Lovelace');
    expect(screen.getByLabelText('Full name')).toHaveFocus();
    const email = screen.getByRole('region', { name: 'Email address' });
    expect(within(email).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(email).getByText('Confirmed')).toBeInTheDocument();
    const phone = screen.getByRole('region', { name: 'Phone number' });
    // Shown as people read it, not as stored (+447700900123).
    expect(await within(phone).findByText('+44 7700 900123')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveValue('ada');
    const timeZone = screen.getByRole('combobox', { name: 'Time zone' });
    expect(timeZone).toHaveValue('Europe/London');
    expect(timeZone).toHaveAccessibleDescription(/^UTC\+0[01]:00 · London \(Europe\)$/);
    expect(screen.getByLabelText('Language')).toHaveValue('en');
    expect(screen.getByLabelText('Country or region')).toHaveDisplayValue('United Kingdom');
  });

  it('sends only the changed fields and confirms the save', async () => {
    // The mock matches these exact variables, so any extra field would fail the request.
    const input = { fullName: 'Ada King', timezone: 'America/New_York', country: null };
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      updateProfileMock(input, { data: { updateProfile: { ...account, ...input } } }),
    ]);

    await openSection(user, 'Details');
    const fullName = await screen.findByLabelText('Full name');
    await user.clear(fullName);
    await user.type(fullName, 'Ada King');
    // The time zone is searched, not scrolled for: a city narrows the list of suggestions.
    const timeZone = screen.getByRole('combobox', { name: 'Time zone' });
    const suggestions = document.getElementById(timeZone.getAttribute('list') ?? '');
    expect(suggestions?.querySelector('option[value="America/New_York"]')).toHaveAttribute(
      'label',
      expect.stringMatching(/^UTC-0[45]:00 · New York \(America\)$/),
    );
    await user.clear(timeZone);
    await user.type(timeZone, 'America/New_York');
    await user.selectOptions(screen.getByLabelText('Country or region'), 'None');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await findToast('Profile saved')).toBeInTheDocument();
    // The form closed and the summary shows what was saved; focus is back on Edit.
    expect(screen.queryByLabelText('Full name')).not.toBeInTheDocument();
    expect(within(await details()).getByText(/Ada King · America\/New_York/)).toBeInTheDocument();
    expect(within(await details()).getByRole('button', { name: 'Edit Details' })).toHaveFocus();
    expect(within(screen.getByRole('banner')).getByText('Ada King')).toBeInTheDocument();
  });

  it('takes the correction summary down at the next edit', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      updateProfileMock(
        { username: 'taken' },
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { username: 'This username is taken' },
          reasons: { username: 'USERNAME_TAKEN' },
        }),
      ),
    ]);
    await openSection(user, 'Details');
    const section = within(await details());
    await user.type(screen.getByLabelText('Username'), 'taken');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await section.findByText('Please correct the highlighted fields.')).toBe(
      section.getByRole('alert'),
    );

    // Fixing the field (or any other) is the next edit: the summary goes with it.
    await user.type(screen.getByLabelText('Full name'), 'a');
    expect(section.getByRole('alert')).toBeEmptyDOMElement();
    expect(screen.getByText('This username is taken.')).toBeInTheDocument();
  });

  it('refuses a time zone that is not on the list, before asking the server', async () => {
    const { user } = renderApp('/settings/profile', [meMock(account)]);
    await openSection(user, 'Details');
    const timeZone = await screen.findByRole('combobox', { name: 'Time zone' });
    await user.clear(timeZone);
    await user.type(timeZone, 'Madrid{Enter}');

    expect(timeZone).toHaveAttribute('aria-invalid', 'true');
    expect(timeZone).toHaveAccessibleDescription(/Choose a time zone from the list/);
  });

  it('says so when nothing changed', async () => {
    const { user } = renderApp('/settings/profile', [meMock(account)]);

    await openSection(user, 'Details');
    await user.click(await screen.findByRole('button', { name: 'Save changes' }));

    expect(within(await details()).getByRole('status')).toHaveTextContent(
      'There are no changes to save.',
    );
  });

  it('shows a username problem next to the username field', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      updateProfileMock(
        { username: 'taken' },
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { username: 'This username is taken' },
          reasons: { username: 'USERNAME_TAKEN' },
        }),
      ),
    ]);

    await openSection(user, 'Details');
    await user.type(await screen.findByLabelText('Username'), 'taken{Enter}');

    await screen.findByText('This username is taken.');
    const username = screen.getByLabelText('Username');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription(/This username is taken/);
    expect(screen.getByLabelText('Full name')).not.toHaveAttribute('aria-invalid');
    expect(within(await details()).getByRole('status')).toBeEmptyDOMElement();
  });

  it("says why the server refused a field in Spanish, never in the server's English", async () => {
    const hablante = anAccount({ locale: 'es' });
    const { user } = renderApp('/settings/profile', [
      meMock(hablante),
      updateProfileMock(
        { username: 'taken' },
        errorResult('Invalid input: username', {
          code: 'BAD_USER_INPUT',
          fields: { username: 'This username is taken' },
          reasons: { username: 'USERNAME_TAKEN' },
        }),
      ),
    ]);

    await openSection(user, 'Datos personales');
    await user.type(await screen.findByLabelText('Nombre de usuario'), 'taken');
    await user.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    const username = screen.getByLabelText('Nombre de usuario');
    expect(await screen.findByText('Este nombre de usuario ya está en uso.')).toBeVisible();
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription(/Este nombre de usuario ya está en uso\./);
    const datos = screen.getByRole('region', { name: 'Datos personales' });
    expect(within(datos).getByRole('alert')).toHaveTextContent('Corrige los campos marcados.');
    expect(screen.queryByText(/username is taken/i)).not.toBeInTheDocument();
  });

  it('switches the whole UI to Spanish after saving Español', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      updateProfileMock(
        { locale: 'es' },
        { data: { updateProfile: { ...account, locale: 'es' } } },
      ),
    ]);

    await openSection(user, 'Details');
    await user.selectOptions(await screen.findByLabelText('Language'), 'Español');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('heading', { name: 'Perfil' })).toBeInTheDocument();
    expect(await findToast('Perfil guardado')).toBeInTheDocument();
    await openSection(user, 'Datos personales');
    expect(screen.getByLabelText('Nombre completo')).toHaveValue('Ada Lovelace');
    expect(screen.getByLabelText('País o región')).toHaveDisplayValue('Reino Unido');
    const nav = screen.getByRole('navigation', { name: 'Configuración' });
    expect(within(nav).getByRole('link', { name: 'Seguridad' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Sesión iniciada como/ })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'es');
  });
});
