/**
 * What an API key may do. Each organization operation names the scope a key needs
 * for it in the policy table; operations without one are for people only.
 */
export const API_KEY_SCOPES = [
  'ORGANIZATION_READ',
  'MEMBERS_READ',
  'MEMBERS_WRITE',
  'WEBHOOKS_READ',
  'WEBHOOKS_WRITE',
  'EVENTS_PUBLISH',
  'NOTIFICATIONS_SEND',
  'USAGE_REPORT',
  'BILLING_READ',
  'BILLING_WRITE',
  'AUDIT_READ',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
