import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import {
  MeDocument,
  type AccountFieldsFragment,
  type MeQuery,
  type MeQueryVariables,
} from '../generated/graphql';

export function anAccount(overrides: Partial<AccountFieldsFragment> = {}): AccountFieldsFragment {
  return {
    __typename: 'Account',
    id: 'acc_1',
    email: 'ada@example.com',
    fullName: 'Ada Lovelace',
    username: null,
    timezone: 'Europe/London',
    locale: 'en',
    country: 'GB',
    ...overrides,
  };
}

/** The `me` query answered as the server does for a signed-in (or signed-out) visitor. */
export function meMock(
  me: AccountFieldsFragment | null,
): MockLink.MockedResponse<MeQuery, MeQueryVariables> {
  return { request: { query: MeDocument }, result: { data: { me } } };
}

/** An error answer shaped like the server's (`extensions.code`, `extensions.fields`…). */
export function errorResult(message: string, extensions: Record<string, unknown>) {
  return { errors: [new GraphQLError(message, { extensions })] };
}
