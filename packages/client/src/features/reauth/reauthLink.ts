import { ApolloLink } from '@apollo/client';
import { OperationTypeNode, type GraphQLFormattedError } from 'graphql';
import { catchError, from, map, mergeMap, of, throwError, type Observable } from 'rxjs';
import { toApiError } from '../../lib/apiError';
import { reauthGate, type ReauthGate } from './reauthGate';

export const REAUTHENTICATION_REQUIRED = 'REAUTHENTICATION_REQUIRED';

/** One answer of the server, or the error the transport raised instead. */
type Outcome = { result: ApolloLink.Result } | { error: unknown };

function asksToReauthenticate(outcome: Outcome): boolean {
  if ('error' in outcome) return toApiError(outcome.error).code === REAUTHENTICATION_REQUIRED;
  const errors: ReadonlyArray<GraphQLFormattedError> | undefined =
    'errors' in outcome.result ? outcome.result.errors : undefined;
  return errors?.some((error) => error.extensions?.code === REAUTHENTICATION_REQUIRED) ?? false;
}

function passOn(outcome: Outcome): Observable<ApolloLink.Result> {
  return 'error' in outcome ? throwError(() => outcome.error) : of(outcome.result);
}

/**
 * Sudo mode in one place: when the API refuses an operation until the person confirms who they
 * are (REAUTHENTICATION_REQUIRED), the gate asks them and, once they have, the operation is
 * sent again. The component that fired it only sees the retried answer, or the original error
 * when the person cancels. Subscriptions are left alone.
 */
export function createReauthLink(gate: ReauthGate = reauthGate): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.operationType === OperationTypeNode.SUBSCRIPTION) return forward(operation);

    const attempt = (): Observable<ApolloLink.Result> =>
      forward(operation).pipe(
        map((result): Outcome => ({ result })),
        // A non-2xx answer arrives as an error that may still carry the GraphQL errors.
        catchError((error: unknown) => of<Outcome>({ error })),
        mergeMap((outcome) =>
          asksToReauthenticate(outcome)
            ? from(gate.confirm()).pipe(
                mergeMap((confirmed) => (confirmed ? attempt() : passOn(outcome))),
              )
            : passOn(outcome),
        ),
      );
    return attempt();
  });
}
