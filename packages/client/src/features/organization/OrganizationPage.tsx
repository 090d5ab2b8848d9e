import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DomainsSection } from '../domains/DomainsSection';
import { useOrganizationId } from '../organizations/useOrganizationId';
import { GeneralSection } from './GeneralSection';

/** Settings → Organization: its general details and its verified domains. */
export function OrganizationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organization.title'));
  const organizationId = useOrganizationId();
  return (
    <>
      <PageHeader title={t('organization.title')} description={t('organization.intro')} />
      <GeneralSection key={`general-${organizationId}`} organizationId={organizationId} />
      <DomainsSection key={`domains-${organizationId}`} organizationId={organizationId} />
    </>
  );
}
