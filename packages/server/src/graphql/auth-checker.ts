import type { AuthChecker } from 'type-graphql';
import type { AppContext } from './context';

/**
 * `@Authorized()` means a known caller (a person or an API key). Person-only operations call
 * `requirePerson`, organization operations `authorize`: both in the services.
 */
export const authChecker: AuthChecker<AppContext> = ({ context }) =>
  context.caller.kind !== 'ANONYMOUS';
