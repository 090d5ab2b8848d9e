import { useCallback, useRef, useState } from 'react';
import { Globe } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { useToast, type ToastTone } from '../../components/Toast';
import { useOrganizationDomainsQuery } from '../../generated/graphql';
import type { ApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { mayEditOrganization } from '../organizations/roles';
import { AddDomainForm } from './AddDomainForm';
import { DomainItem } from './DomainItem';

/** Organization → Domains: the domains it claims, proven by a DNS TXT record. */
export function DomainsSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const { data } = useOrganizationDomainsQuery({ variables: { id: organizationId } });
  const [alert, setAlert] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const organization = data?.organization;

  const announce = useCallback(
    (message: string, tone?: ToastTone) => {
      setAlert(null);
      toast(message, tone);
    },
    [toast],
  );
  const fail = useCallback(
    (apiError: ApiError) => {
      setAlert(errorText(apiError));
    },
    [errorText],
  );

  // The General section above says when the organization itself cannot be loaded.
  if (!organization) return null;
  const canManage = mayEditOrganization(organization.myRole);
  return (
    <SectionCard
      titleId="domains-title"
      title={t('domains.title')}
      description={t('domains.intro')}
      headingRef={headingRef}
    >
      <FormAlert message={alert} />
      {organization.domains.length === 0 ? (
        <EmptyState
          icon={Globe}
          title={t('domains.none')}
          description={canManage ? t('domains.noneNextStep') : undefined}
        />
      ) : (
        <ul className="session-list" aria-labelledby="domains-title">
          {organization.domains.map((domain) => (
            <DomainItem
              key={domain.id}
              domain={domain}
              canManage={canManage}
              formatDateTime={formatDateTime}
              onStatus={announce}
              onRemoved={(message) => {
                announce(message);
                headingRef.current?.focus(); // the button that was used is gone with its row
              }}
              onError={fail}
            />
          ))}
        </ul>
      )}
      {canManage && <AddDomainForm organizationId={organizationId} />}
    </SectionCard>
  );
}
