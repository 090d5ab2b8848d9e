import { useMemo, useState } from 'react';
import { ScrollText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useAuditLogOrganizationQuery } from '../../generated/graphql';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { OrganizationLoadProblem } from '../organizations/OrganizationLoadProblem';
import { mayReadAuditLog } from '../organizations/roles';
import { useOrganizationId } from '../organizations/useOrganizationId';
import { AuditEntries } from './AuditEntries';
import { AuditExport } from './AuditExport';
import { AuditFilters } from './AuditFilters';
import { NO_FILTER, toAuditEventFilter, type AuditFilterValues } from './auditFilter';

/**
 * Organization → Audit log: every change to the organization, filtered by person, API key, type
 * and days, each opening to its fields before and after; the same filter exported as a file.
 * For the OWNER and ADMINs; others are told who can see it.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const organizationId = useOrganizationId();
  // Another organization starts with no filter: its people and keys are others.
  return <AuditLog key={organizationId} organizationId={organizationId} />;
}

function AuditLog({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const errorText = useErrorText();
  const organizationQuery = useAuditLogOrganizationQuery({ variables: { id: organizationId } });
  const organization = organizationQuery.data?.organization;
  const reads = organization ? mayReadAuditLog(organization.myRole) : false;
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTER);
  const [alert, setAlert] = useState<string | null>(null);
  const filter = useMemo(
    () => toAuditEventFilter(values, account.timezone),
    [values, account.timezone],
  );

  return (
    <>
      <PageHeader
        title={organization ? t('audit.titleFor', { name: organization.name }) : t('audit.title')}
        description={t('audit.intro')}
      />
      {organizationQuery.error && !organization && (
        <OrganizationLoadProblem
          error={organizationQuery.error}
          retry={() => void organizationQuery.refetch().catch(() => null)}
        />
      )}
      {!organization && !organizationQuery.error && <Skeleton lines={6} />}
      {organization && !reads && (
        <SectionCard titleId="audit-entries-title" title={t('audit.entriesTitle')}>
          <EmptyState icon={ScrollText} title={t('audit.adminsOnly')} />
        </SectionCard>
      )}
      {organization && reads && (
        <>
          <FormAlert message={alert} />
          <AuditFilters
            organizationId={organizationId}
            applied={values}
            onApply={(next) => {
              setAlert(null);
              setValues(next);
            }}
          />
          <AuditEntries
            organizationId={organizationId}
            filter={filter}
            filtered={Object.keys(filter).length > 0}
            formatDateTime={formatDateTime}
            onError={(error) => setAlert(errorText(error))}
          />
          <AuditExport organizationId={organizationId} filter={filter} />
        </>
      )}
    </>
  );
}
