import { useTranslation } from 'react-i18next';
import { EditableSection, SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
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
  const title = t('organization.generalTitle');

  if (organization && data && mayEditOrganization(organization.myRole)) {
    const summary = [
      organization.name,
      organization.industry && industryName(organization.industry),
      organization.website,
    ]
      .filter(Boolean)
      .join(' · ');
    return (
      <EditableSection titleId="general-title" title={title} summary={<p>{summary}</p>}>
        {(close) => (
          <GeneralForm organization={organization} industries={data.industries} onClose={close} />
        )}
      </EditableSection>
    );
  }

  return (
    <SectionCard titleId="general-title" title={title}>
      {error && !organization && (
        <OrganizationLoadProblem error={error} retry={() => void refetch().catch(() => null)} />
      )}
      {!data && !error && <Skeleton lines={3} />}
      {organization && (
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
    </SectionCard>
  );
}
