/** The settings sections, in navigation order; `path` is relative to /settings. */
export const SETTINGS_SECTIONS = [
  { path: 'profile', labelKey: 'nav.profile' },
  { path: 'security', labelKey: 'nav.security' },
  { path: 'notifications', labelKey: 'nav.notifications' },
  { path: 'organization', labelKey: 'nav.organization' },
  { path: 'team', labelKey: 'nav.team' },
  { path: 'api-keys', labelKey: 'nav.apiKeys' },
  { path: 'webhooks', labelKey: 'nav.webhooks' },
  { path: 'audit-log', labelKey: 'nav.auditLog' },
  { path: 'privacy', labelKey: 'nav.privacy' },
  { path: 'billing', labelKey: 'nav.billing' },
] as const;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
