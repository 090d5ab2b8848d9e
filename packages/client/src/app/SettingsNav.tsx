import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { SETTINGS_SECTIONS } from './settingsSections';

/** NavLink marks the current section with aria-current="page". */
export function SettingsNav() {
  const { t } = useTranslation();
  return (
    <nav className="settings-nav" aria-label={t('nav.label')}>
      <ul>
        {SETTINGS_SECTIONS.map((section) => (
          <li key={section.path}>
            <NavLink to={`/settings/${section.path}`}>{t(section.labelKey)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
