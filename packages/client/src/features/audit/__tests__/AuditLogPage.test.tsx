import { screen, waitFor, within } from '@testing-library/react';
import {
  AuditEventsDocument,
  AuditLogFilterChoicesDocument,
  AuditLogOrganizationDocument,
  type AuditEventFieldsFragment,
  type AuditEventFilter,
  type Role,
} from '../../../generated/graphql';
import { anAccount, meMock, myOrganizationsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { AUDIT_PAGE_SIZE } from '../AuditEntries';

const ORG_ID = 'org_audited';
const me = anAccount({ id: 'acc_me', timezone: 'Europe/Madrid' });

function anEntry(overrides: Partial<AuditEventFieldsFragment> = {}): AuditEventFieldsFragment {
  return {
    __typename: 'AuditEvent',
    id: 'aud_2',
    sequence: 2,
    type: 'MEMBER_ROLE_CHANGED',
    actorType: 'PERSON',
    actorAccountId: 'acc_ann',
    actorName: 'Ann Admin',
    apiKeyId: null,
    targetType: 'MEMBER',
    targetId: 'mem_bob',
    targetLabel: 'Bob Builder <bob@example.com>',
    ipAddress: '203.0.113.7',
    userAgent: 'Mozilla/5.0 Firefox/133.0',
    createdAt: '2025-03-10T14:05:00.000Z',
    changes: { role: { before: 'VIEWER', after: 'MEMBER' } },
    detailsErased: false,
    hash: 'b'.repeat(64),
    previousHash: 'a'.repeat(64),
    ...overrides,
  };
}

function organizationMock(myRole: Role) {
  return {
    request: { query: AuditLogOrganizationDocument, variables: { id: ORG_ID } },
    result: {
      data: {
        organization: { __typename: 'Organization' as const, id: ORG_ID, name: 'Acme', myRole },
      },
    },
  };
}

const choicesMock = {
  request: { query: AuditLogFilterChoicesDocument, variables: { id: ORG_ID } },
  result: {
    data: {
      organization: {
        __typename: 'Organization' as const,
        id: ORG_ID,
        members: {
          __typename: 'TeamMemberConnection' as const,
          edges: [
            {
              __typename: 'TeamMemberEdge' as const,
              node: {
                __typename: 'TeamMember' as const,
                id: 'mem_ann',
                account: {
                  __typename: 'Account' as const,
                  id: 'acc_ann',
                  fullName: 'Ann Admin',
                  email: 'ann@example.com',
                },
              },
            },
          ],
        },
        apiKeys: [
          { __typename: 'ApiKey' as const, id: 'key_sync', name: 'Sync', prefix: 'atr_live_8f3k' },
        ],
      },
    },
  },
  maxUsageCount: 3,
};

function entriesMock(entries: AuditEventFieldsFragment[], filter: AuditEventFilter = {}) {
  return {
    request: {
      query: AuditEventsDocument,
      variables: { id: ORG_ID, first: AUDIT_PAGE_SIZE, filter },
    },
    result: {
      data: {
        organization: {
          __typename: 'Organization' as const,
          id: ORG_ID,
          auditEvents: {
            __typename: 'AuditEventConnection' as const,
            edges: entries.map((node) => ({
              __typename: 'AuditEventEdge' as const,
              cursor: `c_${node.sequence}`,
              node,
            })),
            pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false },
          },
        },
      },
    },
    maxUsageCount: 3,
  };
}

function renderAuditLog(myRole: Role, ...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp(`/settings/audit-log/${ORG_ID}`, [
    meMock(me),
    myOrganizationsMock([{ id: ORG_ID, name: 'Acme', myRole }]),
    organizationMock(myRole),
    choicesMock,
    ...mocks,
  ]);
}

describe('Audit log', () => {
  it('lists entries with who, what and when, and opens one to its before and after', async () => {
    const { user } = renderAuditLog(
      'ADMIN',
      entriesMock([
        anEntry(),
        anEntry({
          id: 'aud_1',
          sequence: 1,
          type: 'API_KEY_CREATED',
          actorType: 'API_KEY',
          actorAccountId: null,
          actorName: 'Sync (atr_live_8f3k…)',
          apiKeyId: 'key_sync',
          targetType: 'API_KEY',
          targetLabel: 'Reports (atr_live_x1y2…)',
          ipAddress: null,
          changes: { secret: { after: '[REDACTED]' }, scopes: { after: ['AUDIT_READ'] } },
        }),
      ]),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Audit log of Acme' }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Entries' });
    const [roleChange, keyCreated] = within(list).getAllByRole('listitem');
    expect(within(roleChange).getByText('Role changed')).toBeInTheDocument();
    expect(within(roleChange).getByText('Bob Builder <bob@example.com>')).toBeInTheDocument();
    // In the account's time zone (Madrid is an hour ahead of UTC in March).
    expect(roleChange).toHaveTextContent('Ann Admin · Mar 10, 2025, 3:05 PM · from 203.0.113.7');
    expect(within(keyCreated).getByText(/API key Sync \(atr_live_8f3k…\)/)).toBeInTheDocument();

    await user.click(
      within(roleChange).getByRole('button', { name: 'Details of entry 2: Role changed' }),
    );
    const changes = within(roleChange).getByRole('table', { name: 'Changes of entry 2' });
    const row = within(changes).getByRole('row', { name: /Role/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['VIEWER', 'MEMBER']);
    expect(within(roleChange).getByText('Mozilla/5.0 Firefox/133.0')).toBeInTheDocument();
    expect(within(roleChange).getByText('b'.repeat(64))).toBeInTheDocument();
  });

  it('filters by person, key, type and days, and exports the same filter', async () => {
    const since = '2025-03-01T00:00:00.000+01:00';
    const filter: AuditEventFilter = {
      actorAccountId: 'acc_ann',
      types: ['MEMBER_ROLE_CHANGED'],
      since: new Date(since).toISOString(),
      until: new Date(new Date('2025-03-11T00:00:00.000+01:00').getTime() - 1).toISOString(),
    };
    const { user } = renderAuditLog(
      'OWNER',
      entriesMock([anEntry(), anEntry({ id: 'aud_9', sequence: 9, type: 'DOMAIN_ADDED' })]),
      entriesMock([anEntry()], filter),
    );
    const list = await screen.findByRole('list', { name: 'Entries' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    const form = screen.getByRole('form', { name: 'Filters' });
    await user.selectOptions(within(form).getByLabelText('Person'), 'Ann Admin (ann@example.com)');
    await user.selectOptions(within(form).getByLabelText('Type'), 'Role changed');
    await user.type(within(form).getByLabelText('From'), '2025-03-01');
    await user.type(within(form).getByLabelText('To'), '2025-03-10');
    const link = screen.getByRole('link', { name: 'Download export' });
    expect(link.getAttribute('href')).toBe('/audit-export?organizationId=org_audited&format=csv');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Entries' })).getAllByRole('listitem'),
      ).toHaveLength(1),
    );

    await user.selectOptions(
      screen.getByLabelText('Format'),
      'JSON lines (tools, and checking the chain)',
    );
    const href = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/audit-export');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      organizationId: ORG_ID,
      format: 'jsonl',
      actorAccountId: 'acc_ann',
      types: 'MEMBER_ROLE_CHANGED',
      since: filter.since,
      until: filter.until,
    });
  });

  it('says the end of a range must not come before its start, next to the field', async () => {
    const { user } = renderAuditLog('OWNER', entriesMock([anEntry()]));
    const form = await screen.findByRole('form', { name: 'Filters' });
    await user.type(within(form).getByLabelText('From'), '2025-03-10');
    await user.type(within(form).getByLabelText('To'), '2025-03-01');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));
    expect(within(form).getByLabelText('To')).toHaveAccessibleDescription(
      'The end must not be before the start.',
    );
  });

  it('marks entries whose details were erased', async () => {
    const { user } = renderAuditLog(
      'OWNER',
      entriesMock([
        anEntry({
          actorAccountId: null,
          actorName: null,
          ipAddress: null,
          userAgent: null,
          targetLabel: null,
          detailsErased: true,
        }),
      ]),
    );
    const list = await screen.findByRole('list', { name: 'Entries' });
    expect(within(list).getByText(/A deleted account/)).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: /Details of entry 2/ }));
    expect(within(list).getByText(/were erased when an account was deleted/)).toBeInTheDocument();
  });

  it('tells other members who can see the log, without asking for it', async () => {
    renderAuditLog('MEMBER');
    expect(
      await screen.findByText(
        'Only the owner and admins of this organization can see its audit log.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download export' })).not.toBeInTheDocument();
  });
});
