import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DeactivateSection } from './DeactivateSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { ExportSection } from './ExportSection';
import { RecordingsSections } from './RecordingsSection';

/** Settings → Privacy: export my data, recordings of my organizations, deactivate, delete. */
export function PrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.title'));
  return (
    <>
      <PageHeader title={t('privacy.title')} description={t('privacy.intro')} />
      <ExportSection />
      <RecordingsSections />
      <DeactivateSection />
      <DeleteAccountSection />
    </>
  );
}
