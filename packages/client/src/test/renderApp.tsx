import { MockLink, MockSubscriptionLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../app/cache';
import { routes } from '../app/routes';
import { appLink } from '../app/apolloClient';
import { myOrganizationsMock, unreadCountMock } from './mocks';

/** The organization every signed-in test account belongs to unless a test says otherwise. */
const DEFAULT_ORGANIZATION = {
  id: 'org_default',
  name: 'Analytical Engines',
  myRole: 'OWNER',
} as const;

interface RenderOptions {
  /** Wraps the app in <StrictMode> as main.tsx does, which runs every effect twice. */
  strictMode?: boolean;
}

/**
 * Renders the whole app at `path` with the Apollo mock provider, so a test drives it the way a
 * person would: through the routes, the guards, the shell and the page. Queries and mutations
 * answer from `mocks` (each once); subscriptions stay open and quiet until the test pushes a
 * result.
 */
export function renderApp(
  path: string,
  mocks: ReadonlyArray<MockLink.MockedResponse>,
  { strictMode = false }: RenderOptions = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const subscriptionLink = new MockSubscriptionLink();
  // The app's own links sit in front of the mocks, as they do in front of HTTP and graphql-ws.
  const link = appLink(
    subscriptionLink,
    // The shell's organization switcher and bell ask on every signed-in page; a test's own
    // answer, listed first, wins over these.
    new MockLink([
      ...mocks,
      { ...myOrganizationsMock([DEFAULT_ORGANIZATION]), maxUsageCount: 10 },
      { ...unreadCountMock(0), maxUsageCount: 10 },
    ]),
  );
  const app = (
    <MockedProvider link={link} cache={createCache()}>
      <RouterProvider router={router} />
    </MockedProvider>
  );
  const view = render(strictMode ? <StrictMode>{app}</StrictMode> : app);

  /** Delivers `data` to the open subscription, as the server would push an event. */
  async function pushSubscriptionData(data: Record<string, unknown>) {
    await waitFor(() => {
      if (!subscriptionLink.operation) throw new Error('no subscription is open yet');
    });
    await act(async () => {
      subscriptionLink.simulateResult({ result: { data } });
      await new Promise((resolve) => setTimeout(resolve, 0)); // simulateResult delivers on a timer
    });
  }

  return { ...view, router, user, pushSubscriptionData };
}
