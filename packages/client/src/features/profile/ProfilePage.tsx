import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { AvatarSection } from '../avatar/AvatarSection';
import { EmailSection } from '../email/EmailSection';
import { PhoneSection } from '../phone/PhoneSection';
import { ProfileForm } from './ProfileForm';

/** Settings → Profile: the picture, the details, and the sign-in address and phone number. */
export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const account = useCurrentAccount();
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <p className="intro">{t('profile.intro')}</p>
      <AvatarSection />
      <section className="settings-section" aria-labelledby="details-title">
        <h2 id="details-title">{t('profile.detailsTitle')}</h2>
        <ProfileForm account={account} />
      </section>
      <EmailSection />
      <PhoneSection />
    </>
  );
}
