import { defineModule, requireService } from '../../core/module';
import { deleteStaleChallengesJob } from './delete-stale-challenges.job';
import { PasskeyAssertionService } from './passkey-assertion.service';
import { PasskeyEntity } from './passkey.entity';
import { mailPasskeyNotices } from './passkey.events';
import { PasskeyResolver } from './passkey.resolver';
import { PasskeyService } from './passkey.service';
import { relyingParty } from './relying-party';
import { WebAuthnChallengeEntity } from './webauthn-challenge.entity';
import { WebAuthnChallenges } from './webauthn-challenges';

declare module '../../core/module' {
  interface Services {
    passkeys: PasskeyService;
    passkeyAssertions: PasskeyAssertionService;
    webauthnChallenges: WebAuthnChallenges;
  }
}

const HOUR_MS = 60 * 60 * 1000;

/** Passkeys (WebAuthn): registering and managing them, signing in and confirming with one. */
export const passkeyModule = defineModule({
  name: 'passkey',
  entities: [PasskeyEntity, WebAuthnChallengeEntity],
  resolvers: [PasskeyResolver],
  services: ({ dataSource, site, config, limits, events }, built) => {
    const rp = () =>
      relyingParty(site, {
        name: config.totpIssuer,
        production: config.production,
        allowedOrigins: config.allowedOrigins,
      });
    const challenges = new WebAuthnChallenges(dataSource);
    const recentAuth = requireService(built, 'recentAuth', 'passkey');
    return {
      webauthnChallenges: challenges,
      passkeys: new PasskeyService(dataSource, rp, challenges, recentAuth, events),
      passkeyAssertions: new PasskeyAssertionService(dataSource, rp, challenges, limits, events),
    };
  },
  subscribers: (_, { delivery }) => [mailPasskeyNotices(delivery)],
  jobs: ({ webauthnChallenges }) => {
    const cleanup = deleteStaleChallengesJob(webauthnChallenges);
    return { kinds: [cleanup], schedules: [{ job: cleanup, everyMs: HOUR_MS, payload: {} }] };
  },
});
