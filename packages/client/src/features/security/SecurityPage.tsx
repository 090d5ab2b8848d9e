import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ActivitySection } from '../activity/ActivitySection';
import { TwoFactorSection } from '../mfa/TwoFactorSection';
import { PasskeysSection } from '../passkeys/PasskeysSection';
import { ChangePasswordSection } from '../password/ChangePasswordSection';
import { DevicesSection } from '../sessions/DevicesSection';

/** Settings → Security: one section per concern; devices (sessions) come first. */
export function SecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('security.title'));
  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.intro')} />
      <DevicesSection />
      <ChangePasswordSection />
      <PasskeysSection />
      <TwoFactorSection />
      <ActivitySection />
    </>
  );
}
