import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { LowBalanceSection } from './LowBalanceSection';
import { NotificationPreferencesSection } from './NotificationPreferencesSection';
import { QuietHoursSection } from './QuietHoursSection';

/** Settings → Notifications: the matrix, quiet hours and the low-balance alert. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  return (
    <>
      <PageHeader title={t('notifications.title')} description={t('notifications.intro')} />
      <NotificationPreferencesSection />
      <QuietHoursSection />
      <LowBalanceSection />
    </>
  );
}
