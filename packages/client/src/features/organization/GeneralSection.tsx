import { useTranslation } from 'react-i18next';
import { useOrganizationGeneralQuery } from '../../generated/graphql';
import { OrganizationLoadProblem } from '../organizations/OrganizationLoadProblem';
import { mayEditOrganization } from '../organizations/roles';
import { GeneralForm } from './GeneralForm';
import { useIndustryName } from './useIndustryName';

/** Organization → General: editable by OWNER and ADMIN, read-only for everyone else. */
export function GeneralSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const industryName = useIndustryName();
  const { data, error, refetch } = useOrganizationGeneralQuery({
    variables: { id: organizationId },
  });
  const organization = data?.organization;

  return (
    <section className="settings-section" aria-labelledby="general-title">
      <h2 id="general-title">{t('organization.generalTitle')}</h2>
      {error && !organization && (
        <OrganizationLoadProblem error={error} retry={() => void refetch().catch(() => null)} />
      )}
      {!data && !error && <p className="muted">{t('app.loading')}</p>}
      {organization && data && mayEditOrganization(organization.myRole) && (
        <GeneralForm organization={organization} industries={data.industries} />
      )}
      {organization && !mayEditOrganization(organization.myRole) && (
        <>
          <dl className="read-only-values">
            <div>
              <dt>{t('organization.name')}</dt>
              <dd>{organization.name}</dd>
            </div>
            <div>
              <dt>{t('organization.industry')}</dt>
              <dd>
                {organization.industry
                  ? industryName(organization.industry)
                  : t('organization.notSet')}
              </dd>
            </div>
            <div>
              <dt>{t('organization.website')}</dt>
              <dd>{organization.website ?? t('organization.notSet')}</dd>
            </div>
          </dl>
          <p className="muted">{t('organization.readOnly')}</p>
        </>
      )}
    </section>
  );
}
