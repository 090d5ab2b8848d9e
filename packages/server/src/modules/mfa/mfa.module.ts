import { defineModule, requireService } from '../../core/module';
import { BackupCodeEntity } from './backup-code.entity';
import { MfaChallengeEntity } from './mfa-challenge.entity';
import { MfaChallengeService } from './mfa-challenge.service';
import { MfaSettingsService } from './mfa-settings.service';
import { mailMfaNotices } from './mfa.events';
import { MfaResolver } from './mfa.resolver';
import { MfaService } from './mfa.service';

declare module '../../core/module' {
  interface Services {
    mfa: MfaService;
    mfaChallenges: MfaChallengeService;
    mfaSettings: MfaSettingsService;
  }
}

/** Two-factor authentication: TOTP, backup codes, the log-in challenge. */
export const mfaModule = defineModule({
  name: 'mfa',
  entities: [BackupCodeEntity, MfaChallengeEntity],
  resolvers: [MfaResolver],
  services: ({ dataSource, secretKey, config, limits, events }, built) => {
    const mfa = new MfaService(dataSource, secretKey, config.totpIssuer);
    const sessions = requireService(built, 'sessions', 'mfa');
    const recentAuth = requireService(built, 'recentAuth', 'mfa');
    return {
      mfa,
      mfaChallenges: new MfaChallengeService(dataSource, mfa, limits),
      mfaSettings: new MfaSettingsService(dataSource, mfa, recentAuth, sessions, events),
    };
  },
  subscribers: (_, { delivery }) => [mailMfaNotices(delivery)],
});
