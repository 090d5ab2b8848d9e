import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type ClientOptions } from 'graphql-ws';
import { createReauthLink } from '../features/reauth/reauthLink';
import { isSessionRefused, reportSessionEnded } from '../features/sessions/sessionEnded';
import { createSessionRefusedLink } from '../features/sessions/sessionRefusedLink';
import { createMutationEventsLink } from '../lib/mutationEvents';
import { createCache } from './cache';

const GRAPHQL_PATH = '/graphql';

function webSocketUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${GRAPHQL_PATH}`;
}

function isCloseEvent(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

/**
 * The graphql-ws client: no socket until the first subscription; a dropped socket reconnects,
 * except when the server refuses this browser's session (4403), because the same cookie is
 * refused again. That close means another device signed this one out, so the app is told.
 */
export function webSocketClientOptions(url: string): ClientOptions {
  return {
    url,
    lazy: true,
    // Every open tab keeps listening for revocations: reconnect for as long as the tab lives,
    // backing off to at most half a minute, but never after the server refused the session.
    retryAttempts: Infinity,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
    shouldRetry: (closeEventOrError) =>
      isCloseEvent(closeEventOrError) && !isSessionRefused(closeEventOrError),
    on: {
      closed: (closeEvent) => {
        if (isSessionRefused(closeEvent)) reportSessionEnded();
      },
    },
  };
}

/**
 * What every operation passes before its transport: an answer that says the session is gone
 * ends the signed-in app (as a 4403 close does); lists kept fresh hear of every change that
 * went through (after any re-authentication and retry); operations the API refuses until the person
 * confirms their password are asked about and retried by the re-authentication link.
 */
export function appLink(subscriptions: ApolloLink, queriesAndMutations: ApolloLink): ApolloLink {
  return ApolloLink.from([
    createSessionRefusedLink(),
    createMutationEventsLink(),
    createReauthLink(),
    ApolloLink.split(
      ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
      subscriptions,
      queriesAndMutations,
    ),
  ]);
}

/**
 * Queries and mutations go over HTTP POST (Apollo's JSON content type satisfies the server's
 * CSRF prevention); subscriptions over graphql-ws on the same path. The session cookie
 * authenticates both, so no token is ever handled here.
 */
export function createApolloClient(location: Location = window.location): ApolloClient {
  const httpLink = new HttpLink({ uri: GRAPHQL_PATH, credentials: 'same-origin' });
  const wsLink = new GraphQLWsLink(createClient(webSocketClientOptions(webSocketUrl(location))));
  return new ApolloClient({ link: appLink(wsLink, httpLink), cache: createCache() });
}

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not hit by every tab at once. */
export function reconnectDelayMs(retries: number, random = Math.random): number {
  const base = Math.min(1000 * 2 ** retries, 30_000);
  return base / 2 + random() * (base / 2);
}
