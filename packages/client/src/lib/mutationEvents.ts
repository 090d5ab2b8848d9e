import { ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { tap } from 'rxjs';

type MutationListener = (operationName: string) => void;

const listeners = new Set<MutationListener>();

/**
 * Lists that the app does not keep in step by hand (the security timeline, the team) learn
 * here that a change went through, whichever page made it, and fetch themselves again.
 */
export function onMutationSucceeded(listener: MutationListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells the listeners, by operation name, of every mutation the server answered without errors. */
export function createMutationEventsLink(): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.operationType !== OperationTypeNode.MUTATION) return forward(operation);
    return forward(operation).pipe(
      tap((result) => {
        if (result.errors?.length) return;
        for (const listener of [...listeners]) listener(operation.operationName ?? '');
      }),
    );
  });
}
