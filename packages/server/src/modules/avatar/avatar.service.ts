import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { badUserInput } from '../../graphql/errors';
import { AccountEntity } from '../account/account.entity';
import { AvatarEntity } from './avatar.entity';

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
const AVATAR_SIZE = 256;
/** MySQL BLOB holds 64 KiB; a 256-pixel WebP is far below, but a noisy image is re-encoded smaller. */
const STORED_MAX_BYTES = 60 * 1024;

type ImageType = 'png' | 'jpeg' | 'webp';

/** The type from the file's first bytes; the name and the declared type are not trusted. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'webp';
  }
  return null;
}

export class AvatarService {
  constructor(private readonly dataSource: DataSource) {}

  /** Re-encodes the upload as a square WebP and makes it the account's avatar. */
  async replace(accountId: string, upload: Buffer): Promise<AccountEntity> {
    if (upload.length > AVATAR_MAX_BYTES) throw badUserInput({ avatar: 'AVATAR_TOO_LARGE' });
    if (!sniffImageType(upload)) throw badUserInput({ avatar: 'AVATAR_TYPE_UNSUPPORTED' });
    const data = await reencode(upload);
    const version = randomBytes(8).toString('hex');
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(AvatarEntity)
        .save({ accountId, contentType: 'image/webp', data, updatedAt: now });
      await manager
        .getRepository(AccountEntity)
        .update({ id: accountId }, { avatarVersion: version, updatedAt: now });
    });
    return this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
  }

  async remove(accountId: string): Promise<AccountEntity> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AvatarEntity).delete({ accountId });
      await manager
        .getRepository(AccountEntity)
        .update({ id: accountId }, { avatarVersion: null, updatedAt: new Date() });
    });
    return this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
  }

  /** The stored image when `version` is the account's current one. */
  async find(accountId: string, version: string): Promise<AvatarEntity | null> {
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOne({ where: { id: accountId }, select: { id: true, avatarVersion: true } });
    if (!account || account.avatarVersion !== version) return null;
    return this.dataSource.getRepository(AvatarEntity).findOneBy({ accountId });
  }
}

async function reencode(upload: Buffer): Promise<Buffer> {
  try {
    const image = sharp(upload, { limitInputPixels: 40_000_000, failOn: 'error' })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' });
    for (const quality of [82, 60, 40]) {
      const data = await image.clone().webp({ quality }).toBuffer();
      if (data.length <= STORED_MAX_BYTES) return data;
    }
  } catch {
    throw badUserInput({ avatar: 'AVATAR_UNREADABLE' });
  }
  throw badUserInput({ avatar: 'AVATAR_NOT_SHRINKABLE' });
}

export function avatarPath(account: Pick<AccountEntity, 'id' | 'avatarVersion'>): string | null {
  return account.avatarVersion ? `/avatars/${account.id}/${account.avatarVersion}.webp` : null;
}
