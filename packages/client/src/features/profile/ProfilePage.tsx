import { useTranslation } from 'react-i18next';
import { LANGUAGES, toLanguage } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { EditableSection } from '../../components/SectionCard';
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
  const language = LANGUAGES.find((option) => option.code === toLanguage(account.locale));
  const username = account.username ? `@${account.username}` : null;
  const summary = [account.fullName, username, account.timezone, language?.name]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.intro')} />
      <AvatarSection />
      <EditableSection
        titleId="details-title"
        title={t('profile.detailsTitle')}
        summary={<p>{summary}</p>}
      >
        {(close) => <ProfileForm account={account} onClose={close} />}
      </EditableSection>
      <EmailSection />
      <PhoneSection />
    </>
  );
}
