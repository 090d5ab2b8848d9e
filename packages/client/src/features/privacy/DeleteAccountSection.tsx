import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import {
  useAccountDeletionGraceDaysQuery,
  useScheduleAccountDeletionMutation,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { useEndThisSession } from '../auth/useEndThisSession';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Delete my account: a dialog shows the date it will be erased and asks for the confirmation
 * word; every device then signs out, and signing in before the date can cancel.
 */
export function DeleteAccountSection() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const { data } = useAccountDeletionGraceDaysQuery();
  const graceDays = data?.accountDeletionGraceDays ?? 14;
  if (account.status === 'PENDING_DELETION') return null;

  return (
    <SectionCard
      titleId="delete-title"
      title={t('privacy.deleteTitle')}
      description={t('privacy.deleteIntro', { days: graceDays })}
      actions={
        <button
          ref={openerRef}
          type="button"
          className="danger"
          aria-haspopup="dialog"
          onClick={() => setConfirming(true)}
        >
          {t('privacy.deleteAccount')}
        </button>
      }
    >
      {confirming && (
        <DeleteAccountDialog
          graceDays={graceDays}
          onCancel={() => {
            setConfirming(false);
            openerRef.current?.focus();
          }}
        />
      )}
    </SectionCard>
  );
}

function DeleteAccountDialog({ graceDays, onCancel }: { graceDays: number; onCancel(): void }) {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const format = useDateTimeFormat(account.timezone);
  const errorText = useErrorText();
  const endThisSession = useEndThisSession();
  const [typed, setTyped] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [scheduleAccountDeletion, { loading }] = useScheduleAccountDeletionMutation();
  const word = t('privacy.confirmWord');
  const date = format(new Date(Date.now() + graceDays * DAY_MS).toISOString());
  const matches = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    setAlert(null);
    try {
      await endThisSession(() => scheduleAccountDeletion());
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <Dialog title={t('privacy.deleteConfirmTitle')} onCancel={onCancel} busy={loading}>
      {({ bodyId }) => (
        <form onSubmit={(event) => void submit(event)} aria-describedby={bodyId}>
          <p id={bodyId}>{t('privacy.deleteConfirmBody', { date })}</p>
          <FormAlert message={alert} />
          <TextField
            label={t('privacy.typeToConfirm')}
            value={typed}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
          />
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} disabled={loading}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="danger" disabled={!matches || loading}>
              {loading ? t('privacy.scheduling') : t('privacy.scheduleDeletion')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
