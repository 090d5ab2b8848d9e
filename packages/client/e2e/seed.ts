import { linkIn, waitForMail, waitForSms } from './outbox';
import type { RunningServer } from './server';

/** A tool's desktop browser, so the sessions it opens get a device name in the list. */
const SEED_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL call over HTTP, as a tool makes it: JSON POST, bearer session token. */
async function graphql<T>(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': SEED_USER_AGENT,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<T>;
  if (!answer.data || answer.errors?.length) {
    throw new Error(`GraphQL call failed: ${JSON.stringify(answer.errors)}\n${query}`);
  }
  return answer.data;
}

async function signUp(server: RunningServer, email: string, password: string, fullName: string) {
  const data = await graphql<{ signUp: { token: string } }>(
    server,
    `
      mutation ($input: SignUpInput!) {
        signUp(input: $input) {
          token
        }
      }
    `,
    { input: { email, password, fullName, issueToken: true } },
  );
  return data.signUp.token;
}

/** Opens the verification link mailed at sign-up, as the person would. */
async function confirmAddress(server: RunningServer, email: string, token: string) {
  const mail = await waitForMail(
    server.outboxDir,
    (message) => message.to.includes(email) && message.text.includes('/verify-email?token='),
  );
  const link = linkIn(mail, '/verify-email');
  await graphql(
    server,
    `
      mutation ($token: String!) {
        confirmEmailChange(token: $token) {
          id
        }
      }
    `,
    { token: link.searchParams.get('token') },
    token,
  );
}

async function invite(
  server: RunningServer,
  ownerToken: string,
  organizationId: string,
  email: string,
  role: string,
): Promise<string> {
  await graphql(
    server,
    `
      mutation ($input: InviteTeamMemberInput!) {
        inviteTeamMember(input: $input) {
          id
        }
      }
    `,
    { input: { organizationId, email, role } },
    ownerToken,
  );
  const mail = await waitForMail(
    server.outboxDir,
    (message) => message.to.includes(email) && message.text.includes('/invitations/accept'),
  );
  const token = linkIn(mail, '/invitations/accept').searchParams.get('token');
  if (!token) throw new Error(`No token in the invitation to ${email}`);
  return token;
}

/**
 * A readable address, as screenshots show it. The server's database is a fresh SQLite file
 * unless DATABASE_URL is set (CI's MariaDB pass), where earlier runs' addresses are taken.
 */
function addressOf(name: string): string {
  if (!process.env.DATABASE_URL) return `${name}@example.com`;
  return `${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}@example.com`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The keys the API keys page lists: one a tool has used, one rolled with a day's grace, one
 * revoked. A fresh sign-up's session is recent enough for sudo mode. Answers the secret of the
 * used one, the billing service's.
 */
async function seedApiKeys(
  server: RunningServer,
  ownerToken: string,
  organizationId: string,
): Promise<string> {
  const create = async (name: string, scopes: string[], expiresAt: string | null) => {
    const data = await graphql<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      server,
      `
        mutation ($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            apiKey {
              id
            }
            secret
          }
        }
      `,
      { input: { organizationId, name, scopes, expiresAt } },
      ownerToken,
    );
    return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
  };

  const sync = await create(
    'Billing sync',
    ['ORGANIZATION_READ', 'USAGE_REPORT', 'BILLING_READ', 'BILLING_WRITE'],
    new Date(Date.now() + 90 * DAY_MS).toISOString(),
  );
  // The tool's first call: "last used" and from where.
  await graphql(
    server,
    'query ($id: ID!) { organization(id: $id) { name } }',
    {
      id: organizationId,
    },
    sync.secret,
  );

  const deploys = await create('CI deploys', ['MEMBERS_READ', 'MEMBERS_WRITE'], null);
  await graphql(
    server,
    `
      mutation ($input: RollApiKeyInput!) {
        rollApiKey(input: $input) {
          secret
        }
      }
    `,
    { input: { id: deploys.id, gracePeriodSeconds: 86_400 } },
    ownerToken,
  );

  const old = await create('Old export', ['ORGANIZATION_READ'], null);
  await graphql(
    server,
    `
      mutation ($id: ID!) {
        revokeApiKey(id: $id) {
          id
        }
      }
    `,
    { id: old.id },
    ownerToken,
  );
  return sync.secret;
}

/**
 * What the Plan & billing page shows: usage the services reported this cycle, a wallet balance
 * and two invoices (one paid, with its PDF), as the billing service's key reports them.
 */
async function seedBilling(server: RunningServer, billingKey: string) {
  for (const [metric, quantity] of [
    ['MINUTES', 320],
    ['MESSAGES', 1_480],
    ['GROUPS', 4],
  ] as const) {
    await graphql(
      server,
      'mutation ($input: ReportUsageInput!) { reportUsage(input: $input) { id } }',
      { input: { metric, quantity, idempotencyKey: `seed-${metric}` } },
      billingKey,
    );
  }
  await graphql(
    server,
    'mutation ($input: SetWalletBalanceInput!) { setWalletBalance(input: $input) { amount } }',
    { input: { amount: 42.5, currency: 'EUR' } },
    billingKey,
  );
  const invoices = [
    [
      'INV-2026-0011',
      '2026-01-01',
      '2026-02-01',
      'PAID',
      'https://billing.lovelace.example/INV-2026-0011.pdf',
    ],
    ['INV-2026-0012', '2026-02-01', '2026-03-01', 'OPEN', null],
  ] as const;
  for (const [number, start, end, status, pdfUrl] of invoices) {
    await graphql(
      server,
      'mutation ($input: UpsertInvoiceInput!) { upsertInvoice(input: $input) { id } }',
      {
        input: {
          number,
          periodStart: `${start}T00:00:00.000Z`,
          periodEnd: `${end}T00:00:00.000Z`,
          amount: 49,
          currency: 'EUR',
          status,
          pdfUrl,
        },
      },
      billingKey,
    );
  }
}

/** What the walk needs to reach every page with something on it. */
export interface SeededOrganization {
  ownerEmail: string;
  password: string;
  organizationId: string;
  /** The token of an invitation still pending, for /invitations/accept. */
  pendingInvitationToken: string;
}

/**
 * An owner whose organization has what every table shows: a second member, a pending
 * invitation, two domains, three API keys (used, rolled, revoked); the owner's address confirmed
 * and a phone number set. All of it through the API, as a tool would, so the browser only looks.
 */
export async function seedOrganization(
  server: RunningServer,
  password: string,
): Promise<SeededOrganization> {
  const ownerEmail = addressOf('ada');
  const ownerToken = await signUp(server, ownerEmail, password, 'Ada Lovelace');
  await confirmAddress(server, ownerEmail, ownerToken);

  const phone = '+34612345678';
  await graphql(
    server,
    `
      mutation ($input: RequestPhoneChangeInput!) {
        requestPhoneChange(input: $input)
      }
    `,
    { input: { phone, password } },
    ownerToken,
  );
  const sms = await waitForSms(server.outboxDir, phone);
  const code = /\b\d{6}\b/.exec(sms.body)?.[0];
  await graphql(
    server,
    `
      mutation ($code: String!) {
        confirmPhoneChange(code: $code) {
          id
        }
      }
    `,
    { code },
    ownerToken,
  );

  const { myOrganizations } = await graphql<{ myOrganizations: { id: string }[] }>(
    server,
    `
      {
        myOrganizations {
          id
        }
      }
    `,
    {},
    ownerToken,
  );
  const organizationId = myOrganizations[0].id;
  await graphql(
    server,
    `
      mutation ($id: ID!, $input: UpdateOrganizationInput!) {
        updateOrganization(id: $id, input: $input) {
          id
        }
      }
    `,
    {
      id: organizationId,
      input: {
        name: 'Lovelace Analytics',
        industry: 'SOFTWARE',
        website: 'https://lovelace.example',
      },
    },
    ownerToken,
  );
  for (const domain of ['lovelace.example', 'mail.lovelace.example']) {
    await graphql(
      server,
      `
        mutation ($organizationId: ID!, $domain: String!) {
          addDomain(organizationId: $organizationId, domain: $domain) {
            id
          }
        }
      `,
      { organizationId, domain },
      ownerToken,
    );
  }

  const memberEmail = addressOf('charles');
  const memberInvitation = await invite(server, ownerToken, organizationId, memberEmail, 'ADMIN');
  const memberToken = await signUp(server, memberEmail, password, 'Charles Babbage');
  await graphql(
    server,
    `
      mutation ($token: String!) {
        acceptInvitation(token: $token) {
          id
        }
      }
    `,
    { token: memberInvitation },
    memberToken,
  );

  await seedBilling(server, await seedApiKeys(server, ownerToken, organizationId));

  const pendingInvitationToken = await invite(
    server,
    ownerToken,
    organizationId,
    addressOf('grace'),
    'MEMBER',
  );
  await seedWebhooks(server, ownerToken, organizationId);
  return { ownerEmail, password, organizationId, pendingInvitationToken };
}

/**
 * Two webhook endpoints, one of them turned off. Nothing is delivered to them: the walk changes
 * nothing they subscribe to, and the names are of a reserved domain.
 */
async function seedWebhooks(server: RunningServer, ownerToken: string, organizationId: string) {
  const endpoints = [
    {
      url: 'https://hooks.lovelace.example/atrium',
      description: 'CRM sync',
      eventTypes: ['call.completed', 'contact.updated', 'callback.scheduled'],
    },
    {
      url: 'https://billing.lovelace.example/events',
      description: 'Billing',
      eventTypes: ['plan.changed', 'recordings.deletion_requested'],
    },
  ];
  const ids: string[] = [];
  for (const input of endpoints) {
    const data = await graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      server,
      `
        mutation ($input: CreateWebhookEndpointInput!) {
          createWebhookEndpoint(input: $input) {
            endpoint {
              id
            }
          }
        }
      `,
      { input: { organizationId, ...input } },
      ownerToken,
    );
    ids.push(data.createWebhookEndpoint.endpoint.id);
  }
  await graphql(
    server,
    `
      mutation ($id: ID!) {
        updateWebhookEndpoint(id: $id, input: { enabled: false }) {
          id
        }
      }
    `,
    { id: ids[1] },
    ownerToken,
  );
}
