import { Archive, Download, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge';
import { useToast } from '../../components/Toast';
import {
  MyDataExportsDocument,
  useDeleteDataExportMutation,
  useMyDataExportsQuery,
  useRequestDataExportMutation,
  type DataExportFieldsFragment,
  type DataExportStatus,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';

/** While an export is being built, the list is asked again this often (the job takes seconds). */
const POLL_MS = 2000;

const TONES: Record<DataExportStatus, StatusTone> = {
  PENDING: 'warning',
  READY: 'success',
  EXPIRED: 'neutral',
  FAILED: 'danger',
};

const LABELS = {
  PENDING: 'privacy.pending',
  READY: 'privacy.ready',
  EXPIRED: 'privacy.expired',
  FAILED: 'privacy.failed',
} as const;

/** Request an archive of my data, watch it being built, download it until it expires. */
export function ExportSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [alert, setAlert] = useState<string | null>(null);
  const { data, loading, startPolling, stopPolling } = useMyDataExportsQuery();
  const exports = data?.myDataExports ?? [];
  const building = exports.some((dataExport) => dataExport.status === 'PENDING');
  const [requestDataExport, requesting] = useRequestDataExportMutation({
    refetchQueries: [MyDataExportsDocument],
    awaitRefetchQueries: true,
  });

  useEffect(() => {
    if (building) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [building, startPolling, stopPolling]);

  async function request() {
    setAlert(null);
    try {
      await requestDataExport();
      toast(t('privacy.exportRequested'), 'info');
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <SectionCard
      titleId="export-title"
      title={t('privacy.exportTitle')}
      description={t('privacy.exportIntro')}
      actions={
        <button
          type="button"
          className="primary"
          disabled={requesting.loading || building}
          onClick={() => void request()}
        >
          {requesting.loading ? t('privacy.requesting') : t('privacy.requestExport')}
        </button>
      }
    >
      <FormAlert message={alert} />
      {building && (
        <p role="status" className="form-status">
          {t('privacy.preparing')}
        </p>
      )}
      {loading && !data ? (
        <Skeleton lines={2} />
      ) : exports.length === 0 ? (
        <EmptyState
          icon={Archive}
          title={t('privacy.noExports')}
          description={t('privacy.noExportsNextStep')}
        />
      ) : (
        <ul className="privacy-exports" aria-labelledby="export-title">
          {exports.map((dataExport) => (
            <ExportItem key={dataExport.id} dataExport={dataExport} onError={setAlert} />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function ExportItem({
  dataExport,
  onError,
}: {
  dataExport: DataExportFieldsFragment;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const account = useCurrentAccount();
  const format = useDateTimeFormat(account.timezone);
  const created = format(dataExport.createdAt);
  const [deleteDataExport, deleting] = useDeleteDataExportMutation({
    refetchQueries: [MyDataExportsDocument],
    awaitRefetchQueries: true,
  });

  async function remove() {
    try {
      await deleteDataExport({ variables: { id: dataExport.id } });
      toast(t('privacy.exportDeleted'));
    } catch (error) {
      onError(errorText(toApiError(error)));
    }
  }

  return (
    <li className="privacy-export">
      <div className="privacy-export-text">
        <StatusBadge tone={TONES[dataExport.status]}>{t(LABELS[dataExport.status])}</StatusBadge>
        <span>{t('privacy.requestedOn', { date: created })}</span>
        {dataExport.status === 'READY' && dataExport.expiresAt && (
          <span className="privacy-export-expiry">
            {t('privacy.expiresOn', { date: format(dataExport.expiresAt) })}
          </span>
        )}
      </div>
      <div className="form-actions">
        {dataExport.downloadUrl && (
          <a
            className="button primary"
            href={dataExport.downloadUrl}
            download
            aria-label={t('privacy.downloadExport', { date: created })}
          >
            <Download aria-hidden="true" size={16} />
            {t('privacy.download')}
          </a>
        )}
        {dataExport.status !== 'PENDING' && (
          <button
            type="button"
            disabled={deleting.loading}
            aria-label={t('privacy.deleteExportLabel', { date: created })}
            onClick={() => void remove()}
          >
            <Trash2 aria-hidden="true" size={16} />
            {t('privacy.deleteExport')}
          </button>
        )}
      </div>
    </li>
  );
}
