import { ApolloLink } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { tap } from 'rxjs';
import { toApiError } from '../../lib/apiError';
import { reportSessionEnded } from './sessionEnded';

/** Wrong credentials typed into a form: about the form, not about this browser's session. */
const NOT_ABOUT_THE_SESSION = new Set(['INVALID_CREDENTIALS']);

/** Whether the server refused an operation because the caller is not (or no longer) signed in. */
export function refusesSession(errors: ReadonlyArray<GraphQLFormattedError> | undefined): boolean {
  return (
    errors?.some(
      (error) =>
        error.extensions?.code === 'UNAUTHENTICATED' &&
        !NOT_ABOUT_THE_SESSION.has(String(error.extensions.reason ?? '')),
    ) ?? false
  );
}

/**
 * Any answer that says UNAUTHENTICATED ends the signed-in app's session, as the 4403 close of
 * the socket does: a session revoked or expired while the socket was down is found out by the
 * next query, and the person goes to the login page instead of a page of load errors. Outside
 * the signed-in app nothing listens, so a signed-out page's answers mean nothing here.
 */
export function createSessionRefusedLink(): ApolloLink {
  return new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap({
        next: (result) => {
          if (refusesSession(result.errors)) reportSessionEnded('sessionEnded');
        },
        error: (error: unknown) => {
          const { code, problem } = toApiError(error);
          if (code === 'UNAUTHENTICATED' && !NOT_ABOUT_THE_SESSION.has(problem.reason ?? ''))
            reportSessionEnded('sessionEnded');
        },
      }),
    ),
  );
}
