import {
  Bell,
  Building2,
  CreditCard,
  KeyRound,
  ScrollText,
  Lock,
  ShieldCheck,
  UserRound,
  UsersRound,
  Webhook,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { SETTINGS_SECTIONS, type SettingsSection } from './settingsSections';

const ICONS: Record<SettingsSection['path'], LucideIcon> = {
  profile: UserRound,
  security: ShieldCheck,
  notifications: Bell,
  organization: Building2,
  team: UsersRound,
  'api-keys': KeyRound,
  webhooks: Webhook,
  'audit-log': ScrollText,
  privacy: Lock,
  billing: CreditCard,
};

interface SettingsNavProps {
  id: string;
  /** On narrow screens the navigation is behind the menu button: whether it is showing. */
  open: boolean;
}

/** NavLink marks the current section with aria-current="page". */
export function SettingsNav({ id, open }: SettingsNavProps) {
  const { t } = useTranslation();
  return (
    <nav id={id} className="settings-nav" data-open={open} aria-label={t('nav.label')}>
      <ul>
        {SETTINGS_SECTIONS.map((section) => {
          const Icon = ICONS[section.path];
          return (
            <li key={section.path}>
              <NavLink to={`/settings/${section.path}`}>
                <Icon aria-hidden="true" size={18} />
                {t(section.labelKey)}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
