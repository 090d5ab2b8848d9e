import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { createCache } from './cache';

const GRAPHQL_PATH = '/graphql';

function webSocketUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${GRAPHQL_PATH}`;
}

/**
 * Queries and mutations go over HTTP POST (Apollo's JSON content type satisfies the server's
 * CSRF prevention); subscriptions over graphql-ws on the same path. The session cookie
 * authenticates both, so no token is ever handled here.
 */
export function createApolloClient(location: Location = window.location): ApolloClient {
  const httpLink = new HttpLink({ uri: GRAPHQL_PATH, credentials: 'same-origin' });
  const wsLink = new GraphQLWsLink(
    createClient({
      url: webSocketUrl(location),
      lazy: true, // no socket until the first subscription
      retryAttempts: 10,
    }),
  );
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    wsLink,
    httpLink,
  );
  return new ApolloClient({ link, cache: createCache() });
}
