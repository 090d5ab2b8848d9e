import { act, screen, waitFor, within } from '@testing-library/react';
import {
  CreateApiKeyDocument,
  OrganizationApiKeysDocument,
  ReauthenticateDocument,
  RevokeApiKeyDocument,
  RollApiKeyDocument,
  type CreateApiKeyMutationVariables,
} from '../../../generated/graphql';
import { findToast } from '../../../test/actions';
import { anAccount, errorResult, meMock, myOrganizationsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import {
  anApiKey,
  apiKeysMock,
  DAY_MS,
  organizationMock,
  ORG_ID,
  scopeChoices,
} from './apiKeyFixtures';

// Tokyo is UTC+9 all year: 14:05 UTC is 11:05 PM there, whatever zone the test machine is in.
const me = anAccount({ id: 'acc_me', timezone: 'Asia/Tokyo' });
const SECRET = 'atr_live_8f3kQ2vT9xLmN4pR7sW1yZ6bC0dE5gH8jK3mP6qS9uV2xY5aB8c1a2b3';

function renderApiKeys(
  role: 'OWNER' | 'ADMIN' | 'MEMBER',
  ...mocks: Parameters<typeof renderApp>[1]
) {
  return renderApp(`/settings/api-keys/${ORG_ID}`, [
    meMock(me),
    myOrganizationsMock([{ id: ORG_ID, name: 'Acme', myRole: role }]),
    organizationMock(role),
    ...mocks,
  ]);
}

async function keysTable() {
  return screen.findByRole('table', { name: 'Keys' });
}

function rowOf(table: HTMLElement, name: string) {
  const row = within(table)
    .getByRole('rowheader', { name: new RegExp(`^${name}`) })
    .closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('API keys', () => {
  it('lists each key with its prefix, scopes, creator, dates in my time zone, last use and status', async () => {
    const now = Date.now();
    renderApiKeys(
      'ADMIN',
      apiKeysMock([
        anApiKey('key_sync', 'Billing sync', {
          scopes: ['MEMBERS_READ', 'ORGANIZATION_READ'],
          createdAt: '2025-03-10T16:05:00.000Z',
          lastUsedAt: '2025-03-11T01:30:00.000Z',
          lastUsedIp: '203.0.113.7',
        }),
        anApiKey('key_soon', 'Nightly export', {
          expiresAt: new Date(now + 3 * DAY_MS).toISOString(),
          createdBy: null,
        }),
        anApiKey('key_rolled', 'CI deploys', {
          rolledAt: new Date(now - 60_000).toISOString(),
          previousSecretExpiresAt: '2099-03-10T14:05:00.000Z',
        }),
        anApiKey('key_old', 'Old report', {
          status: 'EXPIRED',
          expiresAt: '2025-03-12T00:00:00.000Z',
        }),
        anApiKey('key_gone', 'Leaked key', {
          status: 'REVOKED',
          revokedAt: '2025-03-11T00:00:00.000Z',
        }),
      ]),
    );

    const table = await keysTable();
    expect(screen.getByRole('heading', { level: 1, name: 'API keys of Acme' })).toBeInTheDocument();

    const sync = rowOf(table, 'Billing sync');
    expect(within(sync).getByText('atr_live_y_sync…', { exact: false })).toBeInTheDocument();
    // Scopes read in the order of their resources, whatever order the key lists them in.
    expect(
      within(sync)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Organization: read', 'Members: read']);
    // The day it was made in Tokyo (16:05 UTC is 1:05 AM the next day); the last use to the minute.
    expect(within(sync).getByText('Mar 11, 2025')).toBeInTheDocument();
    expect(within(sync).getByText('by Ada Lovelace')).toBeInTheDocument();
    expect(within(sync).getByText('Never')).toBeInTheDocument();
    expect(within(sync).getByText('Mar 11, 2025, 10:30 AM')).toBeInTheDocument();
    expect(within(sync).getByText('from 203.0.113.7')).toBeInTheDocument();
    expect(within(sync).getByText('Active')).toBeInTheDocument();

    const soon = rowOf(table, 'Nightly export');
    expect(within(soon).getByText('Expires soon')).toBeInTheDocument();
    expect(within(soon).getByText('by a former member')).toBeInTheDocument();
    expect(within(soon).getByText('Never used')).toBeInTheDocument();

    const rolled = rowOf(table, 'CI deploys');
    expect(within(rolled).getByText('Rolled')).toBeInTheDocument();
    expect(
      within(rolled).getByText('Old secret valid until Mar 10, 2099, 11:05 PM'),
    ).toBeInTheDocument();

    expect(within(rowOf(table, 'Old report')).getByText('Expired')).toBeInTheDocument();
    expect(within(rowOf(table, 'Leaked key')).getByText('Revoked')).toBeInTheDocument();

    // Keys that work can be rolled and revoked; those that do not, not.
    for (const name of ['Billing sync', 'Nightly export', 'CI deploys']) {
      expect(
        within(rowOf(table, name)).getByRole('button', { name: `Roll ${name}` }),
      ).toBeVisible();
      expect(
        within(rowOf(table, name)).getByRole('button', { name: `Revoke ${name}` }),
      ).toBeVisible();
    }
    for (const name of ['Old report', 'Leaked key']) {
      expect(within(rowOf(table, name)).queryByRole('button')).not.toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Create key' })).toBeInTheDocument();
  });

  it('asks again when the window regains focus, so the last use a tool made shows', async () => {
    const unused = anApiKey('key_sync', 'Billing sync');
    renderApiKeys(
      'ADMIN',
      apiKeysMock([unused]),
      apiKeysMock([
        { ...unused, lastUsedAt: '2025-03-11T01:30:00.000Z', lastUsedIp: '203.0.113.9' },
      ]),
    );

    const row = rowOf(await keysTable(), 'Billing sync');
    expect(within(row).getByText('Never used')).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await within(row).findByText('from 203.0.113.9')).toBeInTheDocument();
  });

  it('says what keys are for and offers the first one when there is none', async () => {
    const { user } = renderApiKeys('OWNER', apiKeysMock([]));

    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Create one key per tool that calls the API, with only the scopes it needs.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByRole('dialog', { name: 'Create an API key' })).toBeInTheDocument();
  });

  it('tells a member who manages keys instead of listing them, and never asks for them', async () => {
    // No answer for the key list is mocked: asking for it would fail the page.
    renderApiKeys('MEMBER');

    expect(await screen.findByText('Only owners and admins manage API keys')).toBeInTheDocument();
    expect(
      screen.getByText(
        'API keys let tools work with Acme without signing in as a person. You are Member here; ask an owner or an admin if a tool needs a key.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create key' })).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded|does not exist/)).not.toBeInTheDocument();
  });

  it('shows the same notice when the API refuses the list (a role taken away meanwhile)', async () => {
    renderApiKeys('ADMIN', {
      request: { query: OrganizationApiKeysDocument, variables: { id: ORG_ID } },
      result: errorResult('You may not do this in this organization', { code: 'FORBIDDEN' }),
    });

    expect(await screen.findByText('Only owners and admins manage API keys')).toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
  });
});

describe('creating a key', () => {
  it('offers only grantable scopes, saying why the others are not, and checks the form first', async () => {
    const { user } = renderApiKeys('ADMIN', apiKeysMock([anApiKey('key_a', 'Existing')]));

    await keysTable();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Create an API key' }));
    expect(dialog.getByLabelText('Name')).toHaveFocus();

    const members = within(dialog.getByRole('group', { name: 'Members' }));
    expect(members.getByRole('checkbox', { name: 'Read members and invitations' })).toBeEnabled();
    const webhooks = dialog.getByRole('checkbox', { name: 'Manage webhook endpoints' });
    expect(webhooks).toBeDisabled();
    expect(webhooks).toHaveAccessibleDescription(
      'Not available yet: nothing in Atrium uses this scope so far.',
    );
    expect(dialog.getByLabelText('Expires')).toHaveValue('never');

    await user.click(dialog.getByRole('button', { name: 'Create key' }));
    expect(dialog.getByText('Choose at least one scope.')).toBeInTheDocument();
    expect(dialog.getByLabelText('Name')).toHaveAccessibleDescription(
      expect.stringContaining('This field is required') as unknown as string,
    );
  });

  it('names the role when a scope is beyond it', async () => {
    const { user } = renderApiKeys(
      'ADMIN',
      apiKeysMock([anApiKey('key_a', 'Existing')], scopeChoices('ABOVE_YOUR_ROLE')),
    );

    await keysTable();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(
      screen.getByRole('checkbox', { name: 'Report the wallet balance and invoices' }),
    ).toHaveAccessibleDescription('Beyond your role (Admin).');
  });

  it('creates a key, shows its secret once with a copy button, and forgets it when closed', async () => {
    const now = Date.now();
    const isCreation = (variables: CreateApiKeyMutationVariables) => {
      const { input } = variables;
      const expiresAt = Date.parse(String(input.expiresAt));
      return (
        input.organizationId === ORG_ID &&
        input.name === 'Billing sync' &&
        JSON.stringify(input.scopes) === JSON.stringify(['ORGANIZATION_READ', 'MEMBERS_READ']) &&
        Math.abs(expiresAt - (now + 30 * DAY_MS)) < 60_000
      );
    };
    const created = anApiKey('key_new', 'Billing sync', {
      scopes: ['ORGANIZATION_READ', 'MEMBERS_READ'],
      expiresAt: new Date(now + 30 * DAY_MS).toISOString(),
      createdAt: new Date(now).toISOString(),
    });
    const { user } = renderApiKeys('OWNER', apiKeysMock([anApiKey('key_a', 'Existing')]), {
      request: { query: CreateApiKeyDocument, variables: isCreation },
      result: {
        data: {
          createApiKey: { __typename: 'CreatedApiKey', apiKey: created, secret: SECRET },
        },
      },
    });

    const table = await keysTable();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const form = within(screen.getByRole('dialog', { name: 'Create an API key' }));
    await user.type(form.getByLabelText('Name'), 'Billing sync');
    await user.click(form.getByRole('checkbox', { name: "Read the organization's details" }));
    await user.click(form.getByRole('checkbox', { name: 'Read members and invitations' }));
    await user.selectOptions(form.getByLabelText('Expires'), 'In 30 days');
    await user.click(form.getByRole('button', { name: 'Create key' }));

    const reveal = within(await screen.findByRole('dialog', { name: 'Copy your new key' }));
    expect(
      reveal.getByText(
        'Copy it now: you will not see it again. Keep it where your tool keeps passwords.',
      ),
    ).toBeInTheDocument();
    expect(reveal.getByLabelText('Secret of Billing sync')).toHaveValue(SECRET);
    await user.click(reveal.getByRole('button', { name: 'Copy the secret of Billing sync' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(reveal.getByRole('status')).toHaveTextContent('The secret is on the clipboard.');

    await user.click(reveal.getByRole('button', { name: 'Done' }));
    expect(await findToast('Billing sync was created.')).toBeInTheDocument();
    expect(within(rowOf(table, 'Billing sync')).getByText('Members: read')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET.slice(9));
    expect(screen.getByRole('button', { name: 'Create key' })).toHaveFocus();
  });

  it('asks for the password first when the session is not recent, with an expiry day of my choosing', async () => {
    // The end of 15 January 2030 in Tokyo is 14:59:59 UTC.
    const creation = {
      query: CreateApiKeyDocument,
      variables: {
        input: {
          organizationId: ORG_ID,
          name: 'Year end',
          scopes: ['MEMBERS_WRITE'],
          expiresAt: '2030-01-15T14:59:59.000Z',
        },
      },
    };
    const created = anApiKey('key_new', 'Year end', {
      scopes: ['MEMBERS_WRITE'],
      expiresAt: '2030-01-15T14:59:59.000Z',
    });
    const { user } = renderApiKeys(
      'OWNER',
      apiKeysMock([]),
      {
        request: creation,
        result: errorResult('Confirm your password to continue', {
          code: 'REAUTHENTICATION_REQUIRED',
        }),
      },
      {
        request: {
          query: ReauthenticateDocument,
          variables: { input: { password: 'Correct-horse-9' } },
        },
        result: { data: { reauthenticate: { __typename: 'Session', id: 'ses_this' } } },
      },
      {
        request: creation,
        result: {
          data: {
            createApiKey: { __typename: 'CreatedApiKey', apiKey: created, secret: SECRET },
          },
        },
      },
    );

    await user.click(await screen.findByRole('button', { name: 'Create key' }));
    const form = within(screen.getByRole('dialog', { name: 'Create an API key' }));
    await user.type(form.getByLabelText('Name'), 'Year end');
    await user.click(
      form.getByRole('checkbox', { name: 'Invite members, change roles, manage invitations' }),
    );
    await user.selectOptions(form.getByLabelText('Expires'), 'On a date…');
    const day = form.getByLabelText('Expiry date');
    expect(day).toHaveAccessibleDescription(
      'The key stops working at the end of this day (Asia/Tokyo).',
    );
    await user.type(day, '2030-01-15');
    await user.click(form.getByRole('button', { name: 'Create key' }));

    const reauth = within(await screen.findByRole('dialog', { name: "Confirm it's you" }));
    await user.type(reauth.getByLabelText('Password'), 'Correct-horse-9');
    await user.click(reauth.getByRole('button', { name: 'Confirm' }));

    const reveal = within(await screen.findByRole('dialog', { name: 'Copy your new key' }));
    expect(reveal.getByLabelText('Secret of Year end')).toHaveValue(SECRET);
    await user.click(reveal.getByRole('button', { name: 'Done' }));
    const table = await keysTable();
    expect(within(rowOf(table, 'Year end')).getByText('Jan 15, 2030')).toBeInTheDocument();
    // The empty state's button is gone with the empty state; the header has one now.
    expect(screen.getByRole('button', { name: 'Create key' })).toHaveFocus();
  });

  it('shows the API’s reason next to the field it is about', async () => {
    const { user } = renderApiKeys('ADMIN', apiKeysMock([]), {
      request: {
        query: CreateApiKeyDocument,
        variables: {
          input: {
            organizationId: ORG_ID,
            name: 'Sync',
            scopes: ['MEMBERS_WRITE'],
            expiresAt: null,
          },
        },
      },
      result: errorResult('Your role (ADMIN) cannot grant MEMBERS_WRITE', {
        code: 'BAD_USER_INPUT',
        reasons: { scopes: 'API_KEY_SCOPE_ABOVE_ROLE' },
        fieldParams: { scopes: { role: 'ADMIN', scope: 'MEMBERS_WRITE' } },
      }),
    });

    await user.click(await screen.findByRole('button', { name: 'Create key' }));
    const form = within(screen.getByRole('dialog', { name: 'Create an API key' }));
    await user.type(form.getByLabelText('Name'), 'Sync');
    await user.click(
      form.getByRole('checkbox', { name: 'Invite members, change roles, manage invitations' }),
    );
    await user.click(form.getByRole('button', { name: 'Create key' }));

    expect(
      await form.findByText('Your role (Admin) cannot grant MEMBERS_WRITE.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Create an API key' })).toBeInTheDocument();
  });
});

describe('rolling and revoking', () => {
  const key = anApiKey('key_sync', 'Billing sync');

  it('rolls a key so the old secret dies at once, and shows the new secret once', async () => {
    const { user } = renderApiKeys('ADMIN', apiKeysMock([key]), {
      request: {
        query: RollApiKeyDocument,
        variables: { input: { id: key.id, gracePeriodSeconds: 0 } },
      },
      result: {
        data: {
          rollApiKey: {
            __typename: 'CreatedApiKey',
            apiKey: { ...key, prefix: 'atr_live_n3wK3y', rolledAt: new Date().toISOString() },
            secret: SECRET,
          },
        },
      },
    });

    const table = await keysTable();
    await user.click(within(table).getByRole('button', { name: 'Roll Billing sync' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Roll Billing sync?' }));
    expect(dialog.getByRole('radio', { name: 'Works for 24 more hours' })).toBeChecked();
    await user.click(
      dialog.getByRole('radio', { name: 'Stops working now (choose this if it leaked)' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Roll key' }));

    const reveal = within(await screen.findByRole('dialog', { name: 'Copy the new secret' }));
    expect(reveal.getByText('The old secret no longer works.')).toBeInTheDocument();
    expect(reveal.getByLabelText('Secret of Billing sync')).toHaveValue(SECRET);
    await user.click(reveal.getByRole('button', { name: 'Done' }));

    expect(await findToast('Billing sync has a new secret.')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET.slice(9));
    const row = rowOf(table, 'Billing sync');
    expect(within(row).getByText('atr_live_n3wK3y…', { exact: false })).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Roll Billing sync' })).toHaveFocus();
  });

  it('rolls with a grace period, and the list says until when the old secret works', async () => {
    const until = '2099-03-17T14:05:00.000Z';
    const { user } = renderApiKeys('ADMIN', apiKeysMock([key]), {
      request: {
        query: RollApiKeyDocument,
        variables: { input: { id: key.id, gracePeriodSeconds: 604_800 } },
      },
      result: {
        data: {
          rollApiKey: {
            __typename: 'CreatedApiKey',
            apiKey: { ...key, rolledAt: new Date().toISOString(), previousSecretExpiresAt: until },
            secret: SECRET,
          },
        },
      },
    });

    const table = await keysTable();
    await user.click(within(table).getByRole('button', { name: 'Roll Billing sync' }));
    await user.click(screen.getByRole('radio', { name: 'Works for 7 more days' }));
    await user.click(screen.getByRole('button', { name: 'Roll key' }));

    const reveal = within(await screen.findByRole('dialog', { name: 'Copy the new secret' }));
    expect(
      reveal.getByText('The old secret keeps working until Mar 17, 2099, 11:05 PM.'),
    ).toBeInTheDocument();
    await user.click(reveal.getByRole('button', { name: 'Done' }));
    const row = rowOf(table, 'Billing sync');
    expect(within(row).getByText('Rolled')).toBeInTheDocument();
    expect(
      within(row).getByText('Old secret valid until Mar 17, 2099, 11:05 PM'),
    ).toBeInTheDocument();
  });

  it('revokes a key once confirmed; it stays listed as revoked, with nothing left to do', async () => {
    const { user } = renderApiKeys('OWNER', apiKeysMock([key]), {
      request: { query: RevokeApiKeyDocument, variables: { id: key.id } },
      result: {
        data: {
          revokeApiKey: { ...key, status: 'REVOKED', revokedAt: new Date().toISOString() },
        },
      },
    });

    const table = await keysTable();
    await user.click(within(table).getByRole('button', { name: 'Revoke Billing sync' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Revoke Billing sync?' }));
    expect(
      dialog.getByText(
        'Tools using this key are refused from their next request. This cannot be undone.',
      ),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Revoke' }));

    expect(await findToast('Billing sync was revoked.')).toBeInTheDocument();
    const row = rowOf(table, 'Billing sync');
    await waitFor(() => expect(within(row).getByText('Revoked')).toBeInTheDocument());
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});
