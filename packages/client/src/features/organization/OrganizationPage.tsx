import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DomainsSection } from '../domains/DomainsSection';
import { useOrganizationGeneralQuery } from '../../generated/graphql';
import { NotificationRulesSection } from '../notifications/NotificationRulesSection';
import { useOrganizationId } from '../organizations/useOrganizationId';
import { GeneralSection } from './GeneralSection';

/**
 * Settings → Organization: its general details, its verified domains, and (for OWNER and ADMIN)
 * the workspace notification rules.
 */
export function OrganizationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organization.title'));
  const organizationId = useOrganizationId();
  const { data } = useOrganizationGeneralQuery({ variables: { id: organizationId } });
  return (
    <>
      <PageHeader title={t('organization.title')} description={t('organization.intro')} />
      <GeneralSection key={`general-${organizationId}`} organizationId={organizationId} />
      <DomainsSection key={`domains-${organizationId}`} organizationId={organizationId} />
      <NotificationRulesSection
        key={`rules-${organizationId}`}
        organizationId={organizationId}
        myRole={data?.organization?.myRole ?? null}
      />
    </>
  );
}
