import type { ApiKeyScope, ApiKeyScopeUnavailableReason } from '../../generated/graphql';

/** The resources a key's scopes are about, in the order the create dialog lists them. */
export const SCOPE_RESOURCES = [
  'organization',
  'members',
  'webhooks',
  'events',
  'notifications',
  'usage',
  'billing',
  'audit',
] as const;
export type ScopeResource = (typeof SCOPE_RESOURCES)[number];

/** Which resource each scope is about; a scope this build does not know goes under "other". */
const RESOURCE_OF: Record<ApiKeyScope, ScopeResource> = {
  ORGANIZATION_READ: 'organization',
  MEMBERS_READ: 'members',
  MEMBERS_WRITE: 'members',
  WEBHOOKS_READ: 'webhooks',
  WEBHOOKS_WRITE: 'webhooks',
  EVENTS_PUBLISH: 'events',
  NOTIFICATIONS_SEND: 'notifications',
  USAGE_REPORT: 'usage',
  BILLING_READ: 'billing',
  BILLING_WRITE: 'billing',
  AUDIT_READ: 'audit',
};

export interface ScopeChoice {
  scope: ApiKeyScope;
  /** Null: my role may put it on a key. */
  unavailableReason: ApiKeyScopeUnavailableReason | null;
}

export interface ScopeGroup {
  resource: ScopeResource | 'other';
  choices: ScopeChoice[];
}

export function resourceOf(scope: ApiKeyScope): ScopeResource | 'other' {
  return Object.hasOwn(RESOURCE_OF, scope) ? RESOURCE_OF[scope] : 'other';
}

/** The server's choices grouped by resource, in the server's order within a group. */
export function groupScopeChoices(choices: ReadonlyArray<ScopeChoice>): ScopeGroup[] {
  const resources = [...SCOPE_RESOURCES, 'other'] as const;
  return resources
    .map((resource) => ({
      resource,
      choices: choices.filter((choice) => resourceOf(choice.scope) === resource),
    }))
    .filter((group) => group.choices.length > 0);
}

/** A key's scopes in the order of the dialog's groups, so every list reads the same way. */
export function sortScopes(scopes: ReadonlyArray<ApiKeyScope>): ApiKeyScope[] {
  const order = Object.keys(RESOURCE_OF);
  const position = (scope: ApiKeyScope) => {
    const index = order.indexOf(scope);
    return index === -1 ? order.length : index;
  };
  return [...scopes].sort((a, b) => position(a) - position(b));
}
