import { defineModule, requireService } from '../../core/module';
import { mailAuthNotices } from './auth.events';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordResolver } from './password.resolver';
import { PasswordService } from './password.service';

declare module '../../core/module' {
  interface Services {
    auth: AuthService;
    passwords: PasswordService;
  }
}

/** Sign-up, log-in, re-authentication and passwords. */
export const authModule = defineModule({
  name: 'auth',
  resolvers: [AuthResolver, PasswordResolver],
  services: ({ dataSource, delivery, limits, events }, built) => {
    const sessions = requireService(built, 'sessions', 'auth');
    const tokens = requireService(built, 'tokens', 'auth');
    const recentAuth = requireService(built, 'recentAuth', 'auth');
    return {
      auth: new AuthService(
        dataSource,
        sessions,
        limits,
        requireService(built, 'mfa', 'auth'),
        requireService(built, 'mfaChallenges', 'auth'),
        requireService(built, 'securityEvents', 'auth'),
        events,
        requireService(built, 'passkeyAssertions', 'auth'),
      ),
      passwords: new PasswordService(
        dataSource,
        tokens,
        sessions,
        delivery,
        limits,
        recentAuth,
        events,
      ),
    };
  },
  subscribers: (_, { delivery }) => [mailAuthNotices(delivery)],
});
