import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const account = useCurrentAccount();
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <p className="intro">{t('profile.intro')}</p>
      <ProfileForm account={account} />
    </>
  );
}
