import { createHash, createHmac, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { badUserInput, fail } from '../../graphql/errors';
import { SecretBox } from '../../lib/secret-box';
import { base32Decode, base32Encode, matchingStep, otpauthUri } from '../../lib/totp';
import { AccountEntity } from '../account/account.entity';
import { BackupCodeEntity } from './backup-code.entity';
import { MfaMethod, mfaMethodsOf, type CodeMethod } from './mfa-methods';

export const BACKUP_CODE_COUNT = 10;

export interface Enrollment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export type SecondFactor = 'TOTP' | 'SMS' | 'BACKUP_CODE';

/** Backup codes when this method turned MFA on; none (the old set stays) when another was on. */
export interface MethodEnabled {
  codes: string[];
  firstMethod: boolean;
}

/**
 * The second factors of a password log-in: TOTP (RFC 6238, SHA-1, 6 digits, 30 s), text-message
 * codes to the verified phone, and single-use backup codes for either. MFA is on while one of the
 * two methods is; the first one turned on makes the backup codes, the last one off removes them.
 */
export class MfaService {
  private readonly box: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly secretKey: string,
    private readonly issuer: string,
  ) {
    this.box = new SecretBox(secretKey, 'totp-secret');
  }

  /** A new 160-bit seed, kept pending until a code from it is confirmed. */
  async startEnrollment(account: AccountEntity): Promise<Enrollment> {
    if (account.totpSecret) throw fail('TOTP_ALREADY_ON');
    const seed = randomBytes(20);
    await this.accounts().update(
      { id: account.id },
      { totpPendingSecret: this.box.seal(seed), updatedAt: new Date() },
    );
    const secret = base32Encode(seed);
    const uri = otpauthUri(secret, account.email, this.issuer);
    return {
      secret,
      otpauthUri: uri,
      qrCodeDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M' }),
    };
  }

  /** Turns the app on with the pending seed; the code's time step counts as used. */
  async confirmEnrollment(
    manager: EntityManager,
    accountId: string,
    code: string,
  ): Promise<MethodEnabled> {
    const account = await manager.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
    if (account.totpSecret) throw fail('TOTP_ALREADY_ON');
    if (!account.totpPendingSecret) throw badUserInput({ code: 'MFA_SETUP_NOT_STARTED' });
    const step = matchingStep(
      this.box.open(account.totpPendingSecret),
      code.trim(),
      Date.now() / 1000,
    );
    if (step === null) throw badUserInput({ code: 'TOTP_CODE_INCORRECT' });
    const result = await manager
      .getRepository(AccountEntity)
      .createQueryBuilder()
      .update()
      .set({
        mfaEnabled: true,
        totpSecret: account.totpPendingSecret,
        totpPendingSecret: null,
        totpLastStep: step,
        updatedAt: new Date(),
      })
      .where('id = :id AND totp_secret IS NULL', { id: accountId })
      .execute();
    if ((result.affected ?? 0) !== 1) throw fail('TOTP_ALREADY_ON');
    return this.methodEnabled(manager, account);
  }

  /** Turns text-message codes on, for the verified phone. */
  async enableSms(manager: EntityManager, accountId: string): Promise<MethodEnabled> {
    const account = await manager.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
    if (account.smsMfaEnabled) throw fail('SMS_MFA_ALREADY_ON');
    if (!account.phone || !account.phoneVerifiedAt) throw fail('SMS_MFA_NEEDS_PHONE');
    const result = await manager
      .getRepository(AccountEntity)
      .createQueryBuilder()
      .update()
      .set({ mfaEnabled: true, smsMfaEnabled: true, updatedAt: new Date() })
      .where('id = :id AND sms_mfa_enabled = :off', { id: accountId, off: false })
      .execute();
    if ((result.affected ?? 0) !== 1) throw fail('SMS_MFA_ALREADY_ON');
    return this.methodEnabled(manager, account);
  }

  /**
   * Turns one method off. When it was the last one, MFA goes off with it (and the backup codes):
   * the answer says which happened.
   */
  async disableMethod(
    manager: EntityManager,
    accountId: string,
    method: CodeMethod,
  ): Promise<'METHOD_OFF' | 'MFA_OFF'> {
    const account = await manager.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
    const on = {
      [MfaMethod.TOTP]: account.totpSecret !== null,
      [MfaMethod.SMS]: account.smsMfaEnabled,
    };
    if (!on[method]) throw fail('MFA_METHOD_OFF');
    const other = method === MfaMethod.TOTP ? MfaMethod.SMS : MfaMethod.TOTP;
    if (!on[other]) {
      await this.disable(manager, account);
      return 'MFA_OFF';
    }
    const cleared =
      method === MfaMethod.TOTP
        ? { totpSecret: null, totpPendingSecret: null, totpLastStep: null }
        : { smsMfaEnabled: false };
    await manager.getRepository(AccountEntity).update(
      { id: accountId },
      {
        ...cleared,
        ...(account.mfaDefaultMethod === method ? { mfaDefaultMethod: null } : {}),
        updatedAt: new Date(),
      },
    );
    return 'METHOD_OFF';
  }

  /** The method the log-in's second step offers first: one the account has set up. */
  async setDefaultMethod(
    manager: EntityManager,
    accountId: string,
    method: MfaMethod,
    passkeyCount: number,
  ): Promise<AccountEntity> {
    const accounts = manager.getRepository(AccountEntity);
    const account = await accounts.findOneByOrFail({ id: accountId });
    if (!account.mfaEnabled) throw fail('MFA_OFF');
    if (!mfaMethodsOf(account, passkeyCount).includes(method)) {
      throw badUserInput({ method: 'MFA_METHOD_NOT_SET_UP' });
    }
    await accounts.update({ id: accountId }, { mfaDefaultMethod: method, updatedAt: new Date() });
    return accounts.findOneByOrFail({ id: accountId });
  }

  private async methodEnabled(
    manager: EntityManager,
    before: AccountEntity,
  ): Promise<MethodEnabled> {
    if (before.mfaEnabled) return { codes: [], firstMethod: false };
    return { codes: await this.replaceBackupCodes(manager, before.id), firstMethod: true };
  }

  /** In the caller's transaction (`manager`), like the other changes of MFA settings. */
  async regenerateBackupCodes(manager: EntityManager, account: AccountEntity): Promise<string[]> {
    if (!account.mfaEnabled) throw fail('MFA_OFF');
    return this.replaceBackupCodes(manager, account.id);
  }

  /** Every method off, and the backup codes gone. */
  async disable(manager: EntityManager, account: AccountEntity): Promise<void> {
    if (!account.mfaEnabled) throw fail('MFA_ALREADY_OFF');
    await manager.getRepository(AccountEntity).update(
      { id: account.id },
      {
        mfaEnabled: false,
        totpSecret: null,
        totpPendingSecret: null,
        totpLastStep: null,
        smsMfaEnabled: false,
        mfaDefaultMethod: null,
        updatedAt: new Date(),
      },
    );
    await manager.getRepository(BackupCodeEntity).delete({ accountId: account.id });
  }

  /**
   * Checks a TOTP code (never a step already used) or a backup code (used up), each a
   * conditional update that must change exactly one row, so parallel use wins once.
   */
  async verifySecondFactor(
    accountId: string,
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SecondFactor | null> {
    const trimmed = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(trimmed)) {
      const account = await manager.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
      if (!account.totpSecret) return null;
      const step = matchingStep(this.box.open(account.totpSecret), trimmed, Date.now() / 1000);
      if (step === null) return null;
      const result = await manager
        .getRepository(AccountEntity)
        .createQueryBuilder()
        .update()
        .set({ totpLastStep: step })
        .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', {
          id: accountId,
          step,
        })
        .execute();
      return (result.affected ?? 0) === 1 ? 'TOTP' : null;
    }
    const normalized = normalizeBackupCode(trimmed);
    if (!normalized) return null;
    const result = await manager
      .getRepository(BackupCodeEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: new Date() })
      .where('account_id = :accountId AND code_hash = :hash AND used_at IS NULL', {
        accountId,
        hash: this.backupCodeHash(normalized),
      })
      .execute();
    return (result.affected ?? 0) === 1 ? 'BACKUP_CODE' : null;
  }

  private async replaceBackupCodes(manager: EntityManager, accountId: string): Promise<string[]> {
    const repository = manager.getRepository(BackupCodeEntity);
    await repository.delete({ accountId });
    const codes = Array.from({ length: BACKUP_CODE_COUNT }, () =>
      formatBackupCode(base32Encode(randomBytes(7)).slice(0, 10)),
    );
    const now = new Date();
    await repository.insert(
      codes.map((code) => ({
        id: newId(),
        accountId,
        codeHash: this.backupCodeHash(normalizeBackupCode(code) as string),
        usedAt: null,
        createdAt: now,
      })),
    );
    return codes;
  }

  private backupCodeHash(normalized: string): string {
    return createHmac('sha256', this.secretKey).update(`backup:${normalized}`).digest('hex');
  }

  private accounts() {
    return this.dataSource.getRepository(AccountEntity);
  }
}

/** Backup codes are shown as XXXXX-XXXXX (base32, 50 bits); typed case and dashes don't matter. */
function formatBackupCode(raw: string): string {
  return `${raw.slice(0, 5)}-${raw.slice(5, 10)}`;
}

function normalizeBackupCode(code: string): string | null {
  const clean = code.replace(/-/g, '').toUpperCase();
  if (!/^[A-Z2-7]{10}$/.test(clean)) return null;
  try {
    base32Decode(clean);
  } catch {
    return null;
  }
  return clean;
}

export function hashChallengeId(challengeId: string): string {
  return createHash('sha256').update(challengeId).digest('hex');
}
