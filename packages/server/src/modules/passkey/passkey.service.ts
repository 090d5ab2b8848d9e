import { randomBytes } from 'node:crypto';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/server';
import type { DataSource } from 'typeorm';
import type { PersonCaller } from '../../caller/caller';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail } from '../../graphql/errors';
import { hashToken } from '../../lib/tokens';
import { AccountEntity } from '../account/account.entity';
import type { RecentAuthentication } from '../auth/recent-auth';
import { describeDevice } from '../security-events/security-event.service';
import { PasskeyEntity, PASSKEY_NAME_MAX_CHARS } from './passkey.entity';
import { registrationResponse } from './passkey-response';
import type { RelyingParty } from './relying-party';
import { WEBAUTHN_CHALLENGE_TTL_MS, type WebAuthnChallenges } from './webauthn-challenges';

/** More than anyone needs (a phone, a laptop, two security keys…), few enough to list. */
export const MAX_PASSKEYS_PER_ACCOUNT = 20;

/**
 * Registering a passkey (in sudo mode: a discoverable credential, user verification required,
 * never one the account already has), listing, renaming and removing them. Adding and removing
 * commit with their event: the timeline line and a notice that cannot be turned off.
 */
export class PasskeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relyingParty: () => RelyingParty,
    private readonly challenges: WebAuthnChallenges,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
  ) {}

  /** Oldest first, as they were added. */
  list(accountId: string): Promise<PasskeyEntity[]> {
    return this.dataSource
      .getRepository(PasskeyEntity)
      .find({ where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  count(accountId: string): Promise<number> {
    return this.dataSource.getRepository(PasskeyEntity).countBy({ accountId });
  }

  async startRegistration({
    account,
    session,
  }: PersonCaller): Promise<PublicKeyCredentialCreationOptionsJSON> {
    this.recentAuth.require(session);
    const existing = await this.list(account.id);
    if (existing.length >= MAX_PASSKEYS_PER_ACCOUNT) {
      throw fail('PASSKEY_LIMIT_REACHED', { params: { max: MAX_PASSKEYS_PER_ACCOUNT } });
    }
    const userHandle = await this.userHandleOf(account.id);
    const challenge = await this.challenges.issueForSession(session.id, account.id, 'REGISTER');
    const rp = this.relyingParty();
    return generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: account.email,
      userDisplayName: account.fullName,
      userID: Buffer.from(userHandle, 'base64url'),
      challenge: Buffer.from(challenge, 'base64url'),
      timeout: WEBAUTHN_CHALLENGE_TTL_MS,
      attestationType: 'none',
      // The authenticator refuses to make a second passkey for the same account.
      excludeCredentials: existing.map((passkey) => ({
        id: passkey.credentialId,
        transports: transportsOf(passkey),
      })),
      authenticatorSelection: {
        residentKey: 'required',
        requireResidentKey: true,
        userVerification: 'required',
      },
      extensions: { credProps: true },
    });
  }

  /** Verifies the browser's answer to this session's registration challenge and keeps the key. */
  async finishRegistration(
    person: PersonCaller,
    response: unknown,
    name: string | null | undefined,
  ): Promise<PasskeyEntity> {
    const { account, session } = person;
    this.recentAuth.require(session);
    const credential = registrationResponse(response, 'response');
    const chosenName = name?.trim() ?? '';
    if (name !== null && name !== undefined && chosenName === '') {
      throw badUserInput({ name: 'PASSKEY_NAME_REQUIRED' });
    }
    const challenge = await this.challenges.takeForSession(session.id, 'REGISTER');
    if (!challenge) throw badUserInput({ response: 'PASSKEY_CHALLENGE_EXPIRED' });
    const rp = this.relyingParty();
    let info;
    try {
      const verified = await verifyRegistrationResponse({
        response: credential,
        expectedChallenge: challenge,
        expectedOrigin: rp.origins,
        expectedRPID: rp.id,
        requireUserPresence: true,
        requireUserVerification: true,
      });
      info = verified.registrationInfo;
    } catch {
      info = undefined;
    }
    if (!info) throw badUserInput({ response: 'PASSKEY_REGISTRATION_FAILED' });
    const { credential: key } = info;
    const now = new Date();
    const passkey = Object.assign(new PasskeyEntity(), {
      id: newId(),
      accountId: account.id,
      credentialId: key.id,
      credentialIdHash: hashToken(key.id),
      publicKey: Buffer.from(key.publicKey).toString('base64url'),
      counter: key.counter,
      transports: key.transports?.length ? key.transports.join(',').slice(0, 255) : null,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      aaguid: info.aaguid,
      name: (chosenName || defaultName(person)).slice(0, PASSKEY_NAME_MAX_CHARS),
      createdAt: now,
      lastUsedAt: null,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        if (
          (await manager.countBy(PasskeyEntity, { accountId: account.id })) >=
          MAX_PASSKEYS_PER_ACCOUNT
        ) {
          throw fail('PASSKEY_LIMIT_REACHED', { params: { max: MAX_PASSKEYS_PER_ACCOUNT } });
        }
        await manager.insert(PasskeyEntity, passkey);
        await this.events.emit(manager, {
          type: 'passkey.added',
          caller: person,
          accountId: account.id,
          data: { account, passkeyName: passkey.name },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_passkeys_credential_id_hash')) {
        throw fail('PASSKEY_ALREADY_REGISTERED', {
          fields: { response: 'PASSKEY_ALREADY_REGISTERED' },
        });
      }
      throw error;
    }
    return passkey;
  }

  async rename(person: PersonCaller, id: string, name: string): Promise<PasskeyEntity> {
    const trimmed = name.trim();
    if (!trimmed) throw badUserInput({ name: 'PASSKEY_NAME_REQUIRED' });
    const passkey = await this.own(person.account.id, id);
    await this.dataSource
      .getRepository(PasskeyEntity)
      .update({ id: passkey.id }, { name: trimmed });
    return Object.assign(passkey, { name: trimmed });
  }

  /** Sudo mode: a removed passkey signs nobody in any more. */
  async remove(person: PersonCaller, id: string): Promise<void> {
    const { account, session } = person;
    this.recentAuth.require(session);
    const passkey = await this.own(account.id, id);
    await this.dataSource.transaction(async (manager) => {
      const deleted = await manager.delete(PasskeyEntity, {
        id: passkey.id,
        accountId: account.id,
      });
      if ((deleted.affected ?? 0) !== 1) throw fail('PASSKEY_NOT_FOUND');
      await this.events.emit(manager, {
        type: 'passkey.removed',
        caller: person,
        accountId: account.id,
        data: { account, passkeyName: passkey.name },
      });
    });
  }

  /** The account's passkey `id`; another account's is NOT_FOUND, as an unknown one is. */
  private async own(accountId: string, id: string): Promise<PasskeyEntity> {
    const passkey = await this.dataSource.getRepository(PasskeyEntity).findOneBy({ id, accountId });
    if (!passkey) throw fail('PASSKEY_NOT_FOUND');
    return passkey;
  }

  /** The account's WebAuthn user handle, made (64 random bytes' worth of base64url: 32 bytes) once. */
  private async userHandleOf(accountId: string): Promise<string> {
    const accounts = this.dataSource.getRepository(AccountEntity);
    await accounts
      .createQueryBuilder()
      .update()
      .set({ webauthnUserHandle: randomBytes(32).toString('base64url') })
      .where('id = :id AND webauthn_user_handle IS NULL', { id: accountId })
      .execute();
    const { webauthnUserHandle } = await accounts.findOneOrFail({
      where: { id: accountId },
      select: { id: true, webauthnUserHandle: true },
    });
    return webauthnUserHandle as string;
  }
}

export function transportsOf(passkey: PasskeyEntity): string[] | undefined {
  return passkey.transports ? passkey.transports.split(',') : undefined;
}

/** "Chrome · macOS", after the device it was added from; the person can rename it. */
function defaultName(person: PersonCaller): string {
  return describeDevice(person.client.userAgent) ?? 'Passkey';
}
