import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useOrganizationDomainsQuery } from '../../generated/graphql';
import type { ApiError } from '../../lib/apiError';
import type { StatusMessage, StatusTone } from '../../lib/statusMessage';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { mayEditOrganization } from '../organizations/roles';
import { AddDomainForm } from './AddDomainForm';
import { DomainItem } from './DomainItem';

/** Organization → Domains: the domains it claims, proven by a DNS TXT record. */
export function DomainsSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const { data } = useOrganizationDomainsQuery({ variables: { id: organizationId } });
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const organization = data?.organization;

  const announce = useCallback((text: string, tone: StatusTone = 'success') => {
    setAlert(null);
    setStatus({ text, tone });
  }, []);
  const fail = useCallback(
    (apiError: ApiError) => {
      setStatus(null);
      setAlert(errorText(apiError));
    },
    [errorText],
  );

  // The General section above says when the organization itself cannot be loaded.
  if (!organization) return null;
  const canManage = mayEditOrganization(organization.myRole);
  return (
    <section className="settings-section" aria-labelledby="domains-title">
      <h2 id="domains-title" ref={headingRef} tabIndex={-1}>
        {t('domains.title')}
      </h2>
      <p className="intro">{t('domains.intro')}</p>
      <FormAlert message={alert} />
      {organization.domains.length === 0 ? (
        <p className="muted">{t('domains.none')}</p>
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
      <p role="status" className="form-status" data-tone={status?.tone}>
        {status?.text}
      </p>
      {canManage && <AddDomainForm organizationId={organizationId} />}
    </section>
  );
}
