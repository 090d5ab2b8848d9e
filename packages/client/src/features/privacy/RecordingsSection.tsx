import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useToast } from '../../components/Toast';
import {
  RecordingsDeletionRequestsDocument,
  useMyOrganizationsQuery,
  useRecordingsDeletionRequestsQuery,
  useRequestRecordingsDeletionMutation,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';

const MANAGERS = new Set(['OWNER', 'ADMIN']);

/** For OWNER and ADMIN: ask that an organization's call recordings be deleted, and see the status. */
export function RecordingsSections() {
  const { data } = useMyOrganizationsQuery();
  const managed = (data?.myOrganizations ?? []).filter((org) => MANAGERS.has(org.myRole));
  return (
    <>
      {managed.map((organization) => (
        <RecordingsSection key={organization.id} organization={organization} />
      ))}
    </>
  );
}

function RecordingsSection({ organization }: { organization: { id: string; name: string } }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const account = useCurrentAccount();
  const format = useDateTimeFormat(account.timezone);
  const [alert, setAlert] = useState<string | null>(null);
  const titleId = `recordings-title-${organization.id}`;
  const { data } = useRecordingsDeletionRequestsQuery({
    variables: { organizationId: organization.id },
  });
  const [requestRecordingsDeletion, { loading }] = useRequestRecordingsDeletionMutation({
    refetchQueries: [RecordingsDeletionRequestsDocument],
    awaitRefetchQueries: true,
  });
  const requests = data?.organization?.recordingsDeletionRequests ?? [];
  const latest = requests[0];

  async function request() {
    setAlert(null);
    try {
      await requestRecordingsDeletion({ variables: { organizationId: organization.id } });
      toast(t('privacy.recordingsRequested'), 'info');
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <SectionCard
      titleId={titleId}
      title={`${t('privacy.recordingsTitle')} · ${organization.name}`}
      description={t('privacy.recordingsIntro', { organization: organization.name })}
      summary={
        latest ? (
          <p>
            {latest.status === 'COMPLETED' ? (
              <StatusBadge tone="success">{t('privacy.recordingsCompleted')}</StatusBadge>
            ) : (
              <StatusBadge tone="warning">{t('privacy.recordingsPending')}</StatusBadge>
            )}{' '}
            {latest.completedAt
              ? t('privacy.recordingsCompletedOn', { date: format(latest.completedAt) })
              : t('privacy.recordingsRequestedOn', { date: format(latest.requestedAt) })}
          </p>
        ) : (
          <p>{t('privacy.noRecordingsRequests')}</p>
        )
      }
      actions={
        <button type="button" disabled={loading} onClick={() => void request()}>
          {t('privacy.requestRecordingsDeletion')}
        </button>
      }
    >
      <FormAlert message={alert} />
    </SectionCard>
  );
}
