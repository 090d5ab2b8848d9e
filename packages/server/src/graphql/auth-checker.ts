import type { AuthChecker } from 'type-graphql';
import type { AppContext } from './context';

/** `@Authorized()` means signed in; organization roles are checked in the services. */
export const authChecker: AuthChecker<AppContext> = ({ context }) => context.auth !== null;
