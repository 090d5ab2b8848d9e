import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLeaveOrganizationMutation } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';

interface LeaveOrganizationProps {
  organizationId: string;
  organizationName: string;
  onError(error: ApiError): void;
}

/** Leaves the organization (the owner transfers ownership first), then opens another one. */
export function LeaveOrganization({
  organizationId,
  organizationName,
  onError,
}: LeaveOrganizationProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [leave, { loading }] = useLeaveOrganizationMutation({
    variables: { organizationId },
    refetchQueries: ['MyOrganizations'],
    awaitRefetchQueries: true,
  });

  async function confirm() {
    try {
      await leave();
      client.cache.evict({
        id: client.cache.identify({ __typename: 'Organization', id: organizationId }),
      });
      client.cache.gc();
      await navigate('/settings/team', { replace: true });
    } catch (error) {
      setConfirming(false);
      onError(toApiError(error));
    }
  }

  return (
    <>
      <button type="button" onClick={() => setConfirming(true)}>
        {t('team.leave.button')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('team.leave.title', { name: organizationName })}
          body={t('team.leave.body')}
          confirmLabel={t('team.leave.confirm')}
          cancelLabel={t('app.cancel')}
          busyLabel={t('team.leave.leaving')}
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
