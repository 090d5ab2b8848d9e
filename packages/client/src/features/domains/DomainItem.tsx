import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusBadge } from '../../components/StatusBadge';
import type { ToastTone } from '../../components/Toast';
import {
  useRemoveDomainMutation,
  useVerifyDomainMutation,
  type DomainFieldsFragment,
} from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { CopyButton } from '../../components/CopyButton';
import { removeDomainFromCache } from './domainsCache';

interface DomainItemProps {
  domain: DomainFieldsFragment;
  canManage: boolean;
  formatDateTime: (iso: string) => string;
  onStatus: (message: string, tone: ToastTone) => void;
  onRemoved: (message: string) => void;
  onError: (error: ApiError) => void;
}

/** One claimed domain: verified or not, the TXT record to publish, and its controls. */
export function DomainItem(props: DomainItemProps) {
  const { domain, canManage, formatDateTime, onStatus, onRemoved, onError } = props;
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [verifyDomain, verifying] = useVerifyDomainMutation({ variables: { id: domain.id } });
  const [removeDomain, removing] = useRemoveDomainMutation({
    variables: { id: domain.id },
    update: (cache) => removeDomainFromCache(cache, domain.id),
  });
  const record = domain.verificationRecord;

  async function verify() {
    try {
      const { data } = await verifyDomain();
      const verified = Boolean(data?.verifyDomain.verifiedAt);
      // Not found yet is a wait, not a success: it says so in the warning tone.
      if (verified) onStatus(t('domains.verifiedNow', { domain: domain.domain }), 'success');
      else onStatus(t('domains.notFoundYet', { domain: domain.domain }), 'warning');
    } catch (error) {
      onError(toApiError(error));
    }
  }

  async function remove() {
    try {
      await removeDomain();
      onRemoved(t('domains.removed', { domain: domain.domain }));
    } catch (error) {
      setConfirming(false);
      onError(toApiError(error));
    }
  }

  return (
    <li className="domain">
      <div className="session-heading">
        <h3>{domain.domain}</h3>
        {domain.verifiedAt ? (
          <StatusBadge tone="success">{t('domains.verified')}</StatusBadge>
        ) : (
          <StatusBadge tone="warning">{t('domains.unverified')}</StatusBadge>
        )}
      </div>
      {domain.verifiedAt ? (
        <p className="muted">
          {t('domains.verifiedAt', { date: formatDateTime(domain.verifiedAt) })}
        </p>
      ) : (
        <>
          <p>{t('domains.publish')}</p>
          <dl className="dns-record">
            <div>
              <dt>{t('domains.recordType')}</dt>
              <dd>
                <code>{record.type}</code>
              </dd>
            </div>
            <div>
              <dt>{t('domains.recordName')}</dt>
              <dd>
                <code>{record.name}</code>{' '}
                {canManage && (
                  <CopyButton
                    text={record.name}
                    label={t('domains.copyName', { domain: domain.domain })}
                  />
                )}
              </dd>
            </div>
            <div>
              <dt>{t('domains.recordValue')}</dt>
              <dd>
                <code>{record.value}</code>{' '}
                {canManage && (
                  <CopyButton
                    text={record.value}
                    label={t('domains.copyValue', { domain: domain.domain })}
                  />
                )}
              </dd>
            </div>
          </dl>
        </>
      )}
      {canManage && (
        <div className="row-actions">
          {!domain.verifiedAt && (
            <button
              type="button"
              aria-label={t('domains.verifyDomain', { domain: domain.domain })}
              disabled={verifying.loading}
              onClick={() => void verify()}
            >
              {verifying.loading ? t('domains.verifying') : t('domains.verify')}
            </button>
          )}
          <button
            type="button"
            aria-label={t('domains.removeDomain', { domain: domain.domain })}
            onClick={() => setConfirming(true)}
          >
            {t('domains.remove')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('domains.confirmTitle', { domain: domain.domain })}
          body={t('domains.confirmBody')}
          confirmLabel={t('domains.remove')}
          cancelLabel={t('app.cancel')}
          busyLabel={t('domains.removing')}
          busy={removing.loading}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
