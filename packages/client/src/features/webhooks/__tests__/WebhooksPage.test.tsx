import { screen, within } from '@testing-library/react';
import {
  CreateWebhookEndpointDocument,
  OrganizationWebhooksDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
  type Role,
  type WebhookDeliveryFieldsFragment,
  type WebhookEndpointFieldsFragment,
} from '../../../generated/graphql';
import { findToast } from '../../../test/actions';
import { anAccount, meMock, myOrganizationsMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { DELIVERIES_PAGE_SIZE } from '../DeliveryLog';

const ORG_ID = 'org_hooks';
const me = anAccount({ id: 'acc_me', timezone: 'UTC' });

function anEndpoint(
  overrides: Partial<WebhookEndpointFieldsFragment> = {},
): WebhookEndpointFieldsFragment {
  return {
    __typename: 'WebhookEndpoint',
    id: 'whe_1',
    url: 'https://hooks.example.com/atrium',
    description: 'CRM sync',
    eventTypes: ['call.completed', 'member.joined'],
    enabled: true,
    disabledReason: null,
    lastSuccessAt: '2025-03-10T14:05:00.000Z',
    lastFailureAt: null,
    failureStreak: 0,
    failingSince: null,
    previousSecretExpiresAt: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const EVENT_TYPES = [
  {
    __typename: 'WebhookEventType' as const,
    name: 'call.completed',
    description: 'A call ended',
    publishable: true,
    examplePayload: { type: 'call.completed', data: { callId: 'call_7Hq2x' } },
  },
  {
    __typename: 'WebhookEventType' as const,
    name: 'member.joined',
    description: 'Someone joined the team',
    publishable: false,
    examplePayload: { type: 'member.joined', data: {} },
  },
];

function organizationMock(myRole: Role) {
  return {
    request: { query: OrganizationWebhooksDocument, variables: { id: ORG_ID } },
    result: {
      data: {
        organization: { __typename: 'Organization' as const, id: ORG_ID, name: 'Acme', myRole },
      },
    },
  };
}

function endpointsMock(endpoints: WebhookEndpointFieldsFragment[]) {
  return {
    request: { query: WebhookEndpointsDocument, variables: { id: ORG_ID } },
    result: {
      data: {
        organization: {
          __typename: 'Organization' as const,
          id: ORG_ID,
          webhookEndpoints: endpoints,
        },
        webhookEventTypes: EVENT_TYPES,
      },
    },
    maxUsageCount: 5,
  };
}

function aDelivery(
  overrides: Partial<WebhookDeliveryFieldsFragment> = {},
): WebhookDeliveryFieldsFragment {
  return {
    __typename: 'WebhookDelivery',
    id: 'whd_1',
    eventId: 'evt_1',
    eventType: 'call.completed',
    sequence: 7,
    status: 'FAILED',
    attemptCount: 2,
    lastResponseStatus: 500,
    nextAttemptAt: null,
    lastAttemptAt: '2025-03-10T14:06:00.000Z',
    createdAt: '2025-03-10T14:05:00.000Z',
    payload: '{"type":"call.completed","data":{"callId":"call_7Hq2x"},"sequence":7}',
    attempts: [
      {
        __typename: 'WebhookAttempt',
        id: 'wha_2',
        startedAt: '2025-03-10T14:06:00.000Z',
        durationMs: 120,
        responseStatus: 500,
        error: 'answered 500',
        manual: false,
        responseBody: 'upstream down',
        requestHeaders: [{ __typename: 'WebhookHeader', name: 'webhook-id', value: 'evt_1' }],
      },
    ],
    ...overrides,
  };
}

function deliveriesMock(deliveries: WebhookDeliveryFieldsFragment[]) {
  return {
    request: {
      query: WebhookDeliveriesDocument,
      variables: { id: 'whe_1', first: DELIVERIES_PAGE_SIZE },
    },
    result: {
      data: {
        webhookEndpoint: {
          __typename: 'WebhookEndpoint' as const,
          id: 'whe_1',
          deliveries: {
            __typename: 'WebhookDeliveryConnection' as const,
            edges: deliveries.map((node) => ({
              __typename: 'WebhookDeliveryEdge' as const,
              cursor: `c_${node.id}`,
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

function renderWebhooks(myRole: Role, ...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp(`/settings/webhooks/${ORG_ID}`, [
    meMock(me),
    myOrganizationsMock([{ id: ORG_ID, name: 'Acme', myRole }]),
    organizationMock(myRole),
    ...mocks,
  ]);
}

describe('Webhooks', () => {
  it('lists endpoints with their health', async () => {
    renderWebhooks(
      'ADMIN',
      endpointsMock([
        anEndpoint(),
        anEndpoint({
          id: 'whe_2',
          url: 'https://old.example.com/hook',
          description: '',
          enabled: false,
          disabledReason: 'GONE',
          lastSuccessAt: null,
        }),
      ]),
    );
    const table = await screen.findByRole('table', { name: 'Endpoints' });
    expect(screen.getByRole('heading', { level: 1, name: 'Webhooks of Acme' })).toBeInTheDocument();
    const first = within(table)
      .getByRole('rowheader', { name: /hooks\.example\.com/ })
      .closest('tr')!;
    expect(within(first).getByText('Healthy')).toBeInTheDocument();
    expect(within(first).getByText('2 events')).toBeInTheDocument();
    const second = within(table)
      .getByRole('rowheader', { name: /old\.example\.com/ })
      .closest('tr')!;
    expect(within(second).getByText('Off: answered 410 Gone')).toBeInTheDocument();
    expect(within(second).getByText('Never')).toBeInTheDocument();
  });

  it('tells members who manages webhooks, without asking for them', async () => {
    renderWebhooks('MEMBER');
    expect(
      await screen.findByText(
        'Only the owner and admins of this organization manage its webhooks.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add endpoint' })).not.toBeInTheDocument();
  });

  it('adds an endpoint with chosen events and shows its secret once', async () => {
    const created = anEndpoint({
      id: 'whe_new',
      description: '',
      eventTypes: ['call.completed'],
      lastSuccessAt: null,
    });
    const { user } = renderWebhooks(
      'OWNER',
      endpointsMock([]),
      {
        request: {
          query: CreateWebhookEndpointDocument,
          variables: {
            input: {
              organizationId: ORG_ID,
              url: 'https://hooks.example.com/atrium',
              description: '',
              eventTypes: ['call.completed'],
            },
          },
        },
        result: {
          data: {
            createWebhookEndpoint: {
              __typename: 'CreatedWebhookEndpoint',
              endpoint: created,
              secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0IQ==',
            },
          },
        },
      },
      endpointsMock([created]),
      deliveriesMock([]),
    );
    await screen.findByText('No endpoints yet.');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(within(dialog).getByText('Choose at least one event.')).toBeInTheDocument();
    await user.type(
      within(dialog).getByLabelText('Endpoint URL'),
      'https://hooks.example.com/atrium',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'call.completed' }));
    expect(within(dialog).getByText('A call ended')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    const secret = await screen.findByRole('dialog', {
      name: 'Endpoint added: its signing secret',
    });
    expect(
      within(secret).getByText('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0IQ=='),
    ).toBeInTheDocument();
    await user.click(within(secret).getByRole('button', { name: 'Done' }));
    expect(await findToast('Endpoint added.')).toBeInTheDocument();
  });

  it('opens an endpoint: rotates its secret and redelivers from the log with attempt details', async () => {
    const { user } = renderWebhooks(
      'ADMIN',
      endpointsMock([anEndpoint()]),
      deliveriesMock([aDelivery()]),
      {
        request: { query: RotateWebhookSecretDocument, variables: { id: 'whe_1' } },
        result: { data: { rotateWebhookSecret: 'whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldyE=' } },
      },
      {
        request: { query: RedeliverWebhookDocument, variables: { deliveryId: 'whd_1' } },
        result: { data: { redeliverWebhook: aDelivery({ status: 'PENDING' }) } },
      },
    );
    const table = await screen.findByRole('table', { name: 'Endpoints' });
    await user.click(within(table).getByRole('button', { name: 'Open CRM sync' }));
    const log = await screen.findByRole('region', { name: 'Delivery log' });
    expect(await within(log).findByText('Failed')).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: 'Details of call.completed #7' }));
    expect(within(log).getByText('answered 500')).toBeInTheDocument();
    expect(within(log).getByText('upstream down')).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: 'Redeliver call.completed #7' }));
    expect(await findToast('call.completed is being delivered again.')).toBeInTheDocument();

    const secretSection = screen.getByRole('region', { name: 'Signing secret' });
    await user.click(within(secretSection).getByRole('button', { name: 'Rotate secret' }));
    const rotated = await screen.findByRole('dialog', { name: 'New signing secret' });
    expect(within(rotated).getByText(/both the old and the new secret/)).toBeInTheDocument();
    expect(
      within(rotated).getByText('whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldyE='),
    ).toBeInTheDocument();
  });
});
