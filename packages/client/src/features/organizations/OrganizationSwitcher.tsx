import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMyOrganizationsQuery } from '../../generated/graphql';
import { organizationInPath, organizationPath } from './organizationPaths';
import { chooseOrganization, rememberOrganization } from './rememberedOrganization';

/**
 * The organization the Organization and Team pages show. On those pages choosing another one
 * opens the same page for it; elsewhere the choice is remembered for when they are opened.
 */
export function OrganizationSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data } = useMyOrganizationsQuery();
  const organizations = data?.myOrganizations ?? [];
  if (organizations.length === 0) return null;

  const shown = organizationInPath(pathname);
  const current =
    organizations.find((org) => org.id === shown?.organizationId) ??
    chooseOrganization(organizations);

  function choose(organizationId: string) {
    rememberOrganization(organizationId);
    if (shown) void navigate(organizationPath(shown.section, organizationId));
  }

  return (
    <div className="organization-switcher">
      <label htmlFor={id}>{t('organizations.switcherLabel')}</label>
      <select id={id} value={current?.id} onChange={(event) => choose(event.target.value)}>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {t('organizations.option', { name: org.name, role: t(`roles.${org.myRole}`) })}
          </option>
        ))}
      </select>
    </div>
  );
}
