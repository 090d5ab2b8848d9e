import { defineModule, requireService } from '../../core/module';
import { BackupCodeEntity } from './backup-code.entity';
import { MfaChallengeEntity } from './mfa-challenge.entity';
import { MfaChallengeService } from './mfa-challenge.service';
import { MfaSettingsService } from './mfa-settings.service';
import { mailMfaNotices } from './mfa.events';
import { MfaChallengeResolver, MfaResolver } from './mfa.resolver';
import { MfaService } from './mfa.service';

declare module '../../core/module' {
  interface Services {
    mfa: MfaService;
    mfaChallenges: MfaChallengeService;
    mfaSettings: MfaSettingsService;
  }
}

/** Two-factor authentication: TOTP, text-message codes, backup codes, the log-in challenge. */
export const mfaModule = defineModule({
  name: 'mfa',
  entities: [BackupCodeEntity, MfaChallengeEntity],
  resolvers: [MfaResolver, MfaChallengeResolver],
  services: ({ dataSource, secretKey, config, limits, events, delivery }, built) => {
    const mfa = new MfaService(dataSource, secretKey, config.totpIssuer);
    const sessions = requireService(built, 'sessions', 'mfa');
    const recentAuth = requireService(built, 'recentAuth', 'mfa');
    const passkeys = requireService(built, 'passkeys', 'mfa');
    const passkeyCount = (accountId: string) => passkeys.count(accountId);
    return {
      mfa,
      mfaChallenges: new MfaChallengeService(
        dataSource,
        mfa,
        limits,
        delivery,
        secretKey,
        passkeyCount,
      ),
      mfaSettings: new MfaSettingsService(
        dataSource,
        mfa,
        recentAuth,
        sessions,
        events,
        passkeyCount,
      ),
    };
  },
  subscribers: (_, { delivery }) => [mailMfaNotices(delivery)],
});
