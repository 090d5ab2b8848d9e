import { useTranslation } from 'react-i18next';
import type { CurrentAccount } from '../auth/CurrentAccount';
import { initialsOf } from './avatarFile';

/** The account's picture, or its initials on a coloured disc while it has none. */
export function AvatarImage({ account }: { account: CurrentAccount }) {
  const { t } = useTranslation();
  if (account.avatarUrl) {
    return <img className="avatar" src={account.avatarUrl} alt={t('avatar.current')} />;
  }
  return (
    <span className="avatar avatar-placeholder" role="img" aria-label={t('avatar.none')}>
      <span aria-hidden="true">{initialsOf(account.fullName, account.email)}</span>
    </span>
  );
}
