import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, type FieldProblems } from '../../graphql/errors';
import { AccountEntity } from './account.entity';
import type { UpdateProfileInput } from './account.inputs';

export class AccountService {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).findOneBy({ id });
  }

  /** Applies the profile fields that were sent, all at once or not at all. */
  async updateProfile(accountId: string, input: UpdateProfileInput): Promise<AccountEntity> {
    const patch = profilePatch(input);
    const repository = this.dataSource.getRepository(AccountEntity);
    if (patch.username) {
      const holder = await repository.findOne({
        where: { username: patch.username },
        select: { id: true },
      });
      if (holder && holder.id !== accountId) throw badUserInput({ username: 'USERNAME_TAKEN' });
    }
    try {
      await repository.update({ id: accountId }, { ...patch, updatedAt: new Date() });
    } catch (error) {
      // Two accounts racing for one username: the unique index decides.
      if (isUniqueViolation(error, 'uq_accounts_username'))
        throw badUserInput({ username: 'USERNAME_TAKEN' });
      throw error;
    }
    return repository.findOneByOrFail({ id: accountId });
  }
}

type ProfilePatch = Partial<
  Pick<AccountEntity, 'fullName' | 'username' | 'timezone' | 'locale' | 'country'>
>;

/** Normalises the sent fields; fields that may not be emptied are refused when null. */
function profilePatch(input: UpdateProfileInput): ProfilePatch {
  const errors: FieldProblems = {};
  const patch: ProfilePatch = {};
  if (input.fullName === null) errors.fullName = 'FULL_NAME_REQUIRED';
  else if (input.fullName !== undefined) patch.fullName = input.fullName.trim();
  if (input.timezone === null) errors.timezone = 'TIME_ZONE_REQUIRED';
  else if (input.timezone !== undefined) patch.timezone = input.timezone;
  if (input.locale === null) errors.locale = 'LANGUAGE_REQUIRED';
  else if (input.locale !== undefined) patch.locale = input.locale;
  if (input.username !== undefined) patch.username = input.username?.toLowerCase() ?? null;
  if (input.country !== undefined) patch.country = input.country?.toUpperCase() ?? null;
  if (Object.keys(errors).length > 0) throw badUserInput(errors);
  return patch;
}
