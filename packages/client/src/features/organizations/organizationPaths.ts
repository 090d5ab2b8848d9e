/** The settings sections that show one organization, named in their path. */
export type OrganizationSection =
  'organization' | 'team' | 'api-keys' | 'webhooks' | 'billing' | 'audit-log';

export function organizationPath(section: OrganizationSection, organizationId: string): string {
  return `/settings/${section}/${encodeURIComponent(organizationId)}`;
}

/** The section and organization of a path like /settings/team/<id>, if it is one. */
export function organizationInPath(
  pathname: string,
): { section: OrganizationSection; organizationId: string } | null {
  const match =
    /^\/settings\/(organization|team|api-keys|webhooks|billing|audit-log)\/([^/]+)/.exec(pathname);
  if (!match) return null;
  return {
    section: match[1] as OrganizationSection,
    organizationId: decodeURIComponent(match[2]),
  };
}
