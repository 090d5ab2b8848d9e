import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useMyOrganizationsQuery } from '../../generated/graphql';
import { organizationPath, type OrganizationSection } from './organizationPaths';
import { chooseOrganization } from './rememberedOrganization';

/** /settings/organization and /settings/team: on to the remembered (or first) organization. */
export function OrganizationRedirect({ section }: { section: OrganizationSection }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useMyOrganizationsQuery();
  if (error && !data) {
    return (
      <>
        <FormAlert message={t('app.loadFailed')} />
        <button type="button" onClick={() => void refetch().catch(() => undefined)}>
          {t('app.retry')}
        </button>
      </>
    );
  }
  if (!data) return <LoadingScreen />;
  const organization = chooseOrganization(data.myOrganizations);
  if (!organization) return <p>{t('organizations.none')}</p>;
  return <Navigate to={organizationPath(section, organization.id)} replace />;
}
