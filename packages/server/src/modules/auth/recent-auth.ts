import { fail } from '../../graphql/errors';
import type { SessionEntity } from '../session/session.entity';

/**
 * Sudo mode: sensitive changes need a password (or code) confirmation on this session within
 * the window (REAUTH_WINDOW_MINUTES), otherwise REAUTHENTICATION_REQUIRED and the client asks and retries.
 */
export class RecentAuthentication {
  constructor(private readonly windowMs: number) {}

  require(session: Pick<SessionEntity, 'reauthenticatedAt'>, now = Date.now()): void {
    if (now - session.reauthenticatedAt.getTime() > this.windowMs) {
      throw fail('REAUTHENTICATION_REQUIRED', {
        extensions: { windowSeconds: Math.round(this.windowMs / 1000) },
      });
    }
  }
}
