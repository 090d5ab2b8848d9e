import { Construction } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { DEFAULT_SIGNED_IN_PATH } from '../features/auth/nextPath';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import type { SettingsSection } from './settingsSections';

/** Stands in for a settings section that a later release builds. */
export function PlaceholderPage({ section }: { section: SettingsSection }) {
  const { t } = useTranslation();
  const title = t(section.labelKey);
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={Construction}
        title={t('placeholder.body')}
        action={<Link to={DEFAULT_SIGNED_IN_PATH}>{t('notFound.back')}</Link>}
      />
    </>
  );
}
