import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { DataSource } from 'typeorm';
import type { Caller, PersonCaller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail } from '../../graphql/errors';
import { hashToken } from '../../lib/tokens';
import type { RateLimits } from '../../security/rate-limits';
import { AccountEntity } from '../account/account.entity';
import type { SessionEntity } from '../session/session.entity';
import { PasskeyEntity } from './passkey.entity';
import { authenticationResponse } from './passkey-response';
import { transportsOf } from './passkey.service';
import type { RelyingParty } from './relying-party';
import { WEBAUTHN_CHALLENGE_TTL_MS, type WebAuthnChallenges } from './webauthn-challenges';

export interface PasskeySignInOptions {
  attemptId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

/**
 * Using a passkey: signing in with no password (user verification makes it multi-factor) and
 * confirming it's you for sudo mode. Each assertion answers a challenge taken once; its
 * signature, origin, relying party, user verification, user handle, backup eligibility and
 * signature counter are all checked before it counts.
 */
export class PasskeyAssertionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relyingParty: () => RelyingParty,
    private readonly challenges: WebAuthnChallenges,
    private readonly limits: RateLimits,
    private readonly events: DomainEvents,
  ) {}

  /** Options for the log-in page (a button, or the browser's autofill): any passkey of this site. */
  async startSignIn(caller: Caller): Promise<PasskeySignInOptions> {
    await this.limits.consume('passkeyOptionsPerIp', caller.client.ip ?? 'unknown');
    const { attemptId, challenge } = await this.challenges.issueForAttempt();
    return { attemptId, options: await this.requestOptions(challenge, []) };
  }

  /** The account whose passkey answered this attempt's challenge; the attempt is used up. */
  async verifySignIn(attemptId: string, response: unknown, caller: Caller): Promise<AccountEntity> {
    await this.limits.consume('logInPerIp', caller.client.ip ?? 'unknown');
    const credential = authenticationResponse(response, 'response');
    const challenge = await this.challenges.takeForAttempt(attemptId);
    if (!challenge) throw badUserInput({ attemptId: 'PASSKEY_CHALLENGE_EXPIRED' });
    const passkey = await this.dataSource
      .getRepository(PasskeyEntity)
      .findOneBy({ credentialIdHash: hashToken(credential.id) });
    if (!passkey) throw fail('PASSKEY_SIGN_IN_FAILED');
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: passkey.accountId });
    // A discoverable credential names its user: it must be the passkey's own account.
    const sameUser =
      credential.response.userHandle !== undefined &&
      credential.response.userHandle === account.webauthnUserHandle;
    if (!sameUser || !(await this.accept(passkey, credential, challenge))) {
      await this.events.emit(this.dataSource.manager, {
        type: 'account.sign_in_failed',
        caller,
        accountId: account.id,
        data: { method: 'PASSKEY' },
      });
      throw fail('PASSKEY_SIGN_IN_FAILED');
    }
    return account;
  }

  /** Options to confirm it's you with one of the account's passkeys (sudo mode). */
  async startReauthentication({
    account,
    session,
  }: PersonCaller): Promise<PublicKeyCredentialRequestOptionsJSON> {
    await this.limits.consume('reauthAttemptPerAccount', account.id);
    const passkeys = await this.dataSource
      .getRepository(PasskeyEntity)
      .findBy({ accountId: account.id });
    if (passkeys.length === 0) throw fail('PASSKEY_NOT_FOUND');
    const challenge = await this.challenges.issueForSession(
      session.id,
      account.id,
      'REAUTHENTICATE',
    );
    return this.requestOptions(challenge, passkeys);
  }

  /** Throws unless `response` answers this session's challenge with one of the account's passkeys. */
  async verifyReauthentication(
    account: AccountEntity,
    session: Pick<SessionEntity, 'id'>,
    response: unknown,
  ): Promise<void> {
    const credential = authenticationResponse(response, 'passkey');
    const challenge = await this.challenges.takeForSession(session.id, 'REAUTHENTICATE');
    if (!challenge) throw badUserInput({ passkey: 'PASSKEY_CHALLENGE_EXPIRED' });
    const passkey = await this.dataSource
      .getRepository(PasskeyEntity)
      .findOneBy({ credentialIdHash: hashToken(credential.id), accountId: account.id });
    if (!passkey || !(await this.accept(passkey, credential, challenge))) {
      throw badUserInput({ passkey: 'PASSKEY_NOT_ACCEPTED' });
    }
  }

  private requestOptions(
    challenge: string,
    allowed: PasskeyEntity[],
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return generateAuthenticationOptions({
      rpID: this.relyingParty().id,
      challenge: Buffer.from(challenge, 'base64url'),
      timeout: WEBAUTHN_CHALLENGE_TTL_MS,
      userVerification: 'required',
      allowCredentials: allowed.map((passkey) => ({
        id: passkey.credentialId,
        transports: transportsOf(passkey),
      })),
    });
  }

  /**
   * Verifies the assertion, then records its use. The counter must go up (a counter that stays
   * at 0 is an authenticator without one, which synced passkeys are): the update is conditional,
   * so of two assertions with the same counter only one counts, and one that went backwards (a
   * cloned authenticator) never does. Backup eligibility is fixed at registration; the backup
   * state may change.
   */
  private async accept(
    passkey: PasskeyEntity,
    credential: AuthenticationResponseJSON,
    challenge: string,
  ): Promise<boolean> {
    const rp = this.relyingParty();
    let info;
    try {
      const verified = await verifyAuthenticationResponse({
        response: credential,
        expectedChallenge: challenge,
        expectedOrigin: rp.origins,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credentialId,
          publicKey: Buffer.from(passkey.publicKey, 'base64url'),
          counter: passkey.counter,
          transports: transportsOf(passkey),
        },
        requireUserVerification: true,
      });
      info = verified.verified ? verified.authenticationInfo : null;
    } catch {
      info = null;
    }
    if (!info || info.credentialDeviceType !== passkey.deviceType) return false;
    const result = await this.dataSource
      .getRepository(PasskeyEntity)
      .createQueryBuilder()
      .update()
      .set({ counter: info.newCounter, backedUp: info.credentialBackedUp, lastUsedAt: new Date() })
      .where('id = :id AND (counter < :counter OR (counter = 0 AND :counter = 0))', {
        id: passkey.id,
        counter: info.newCounter,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
