import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import type { SettingsSection } from './settingsSections';

/** Stands in for a settings section that a later release builds. */
export function PlaceholderPage({ section }: { section: SettingsSection }) {
  const { t } = useTranslation();
  const title = t(section.labelKey);
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{t('placeholder.body')}</p>
    </>
  );
}
