import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { TableCell, TableRow } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import {
  useRemovePasskeyMutation,
  useRenamePasskeyMutation,
  type PasskeyFieldsFragment,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { useFormFields } from '../../lib/useFormFields';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { setHasPasskeys } from '../mfa/mfaCache';
import { updatePasskeyList } from './passkeysCache';

interface PasskeyRowProps {
  passkey: PasskeyFieldsFragment;
  formatDateTime(iso: string): string;
  onRemoved(): void;
  onFailed(message: string): void;
}

/** One passkey: its name, kind and dates, with Rename and Remove. */
export function PasskeyRow({ passkey, formatDateTime, onRemoved, onFailed }: PasskeyRowProps) {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const errorText = useErrorText();
  const [renaming, setRenaming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const renameRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const [removePasskey, removal] = useRemovePasskeyMutation({
    update(cache) {
      let remaining = 0;
      updatePasskeyList(cache, (list) => {
        const kept = list.filter((item) => item.id !== passkey.id);
        remaining = kept.length;
        return kept;
      });
      // The account's methods list PASSKEY while it has one.
      if (remaining === 0) setHasPasskeys(cache, account.id, false);
    },
  });

  async function remove() {
    try {
      const { data } = await removePasskey({ variables: { id: passkey.id } });
      setRemoving(false);
      if (data) onRemoved();
    } catch (error) {
      setRemoving(false);
      removeRef.current?.focus();
      onFailed(errorText(toApiError(error)));
    }
  }

  return (
    <TableRow>
      <TableCell column="name" primary>
        {passkey.name}
      </TableCell>
      <TableCell column="kind">
        {passkey.kind === 'SYNCED' ? (
          <StatusBadge tone="info">{t('passkeys.kind.SYNCED')}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t('passkeys.kind.DEVICE_BOUND')}</StatusBadge>
        )}
      </TableCell>
      <TableCell column="added">
        <time dateTime={passkey.createdAt}>{formatDateTime(passkey.createdAt)}</time>
      </TableCell>
      <TableCell column="lastUsed">
        {passkey.lastUsedAt ? (
          <time dateTime={passkey.lastUsedAt}>{formatDateTime(passkey.lastUsedAt)}</time>
        ) : (
          t('passkeys.neverUsed')
        )}
      </TableCell>
      <TableCell column="actions">
        <div className="row-actions">
          <button
            ref={renameRef}
            type="button"
            aria-haspopup="dialog"
            aria-label={t('passkeys.renameOne', { name: passkey.name })}
            onClick={() => setRenaming(true)}
          >
            {t('passkeys.rename')}
          </button>
          <button
            ref={removeRef}
            type="button"
            aria-haspopup="dialog"
            aria-label={t('passkeys.removeOne', { name: passkey.name })}
            onClick={() => setRemoving(true)}
          >
            {t('passkeys.remove')}
          </button>
        </div>
        {renaming && (
          <RenameDialog
            passkey={passkey}
            onClose={() => {
              setRenaming(false);
              renameRef.current?.focus();
            }}
          />
        )}
        {removing && (
          <ConfirmDialog
            title={t('passkeys.confirmRemove.title', { name: passkey.name })}
            body={t('passkeys.confirmRemove.body')}
            confirmLabel={t('passkeys.confirmRemove.confirm')}
            cancelLabel={t('app.cancel')}
            busyLabel={t('passkeys.confirmRemove.busy')}
            busy={removal.loading}
            onConfirm={() => void remove()}
            onCancel={() => {
              setRemoving(false);
              removeRef.current?.focus();
            }}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

function RenameDialog({ passkey, onClose }: { passkey: PasskeyFieldsFragment; onClose(): void }) {
  const { t } = useTranslation();
  const form = useFormFields({ name: passkey.name });
  const [renamePasskey, { loading }] = useRenamePasskeyMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading || !form.check(['name'])) return;
    try {
      await renamePasskey({ variables: { input: { id: passkey.id, name: form.values.name } } });
      onClose();
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <Dialog title={t('passkeys.renameTitle')} onCancel={onClose} busy={loading}>
      {() => (
        <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert message={form.alert} />
          <TextField
            label={t('passkeys.name')}
            name="name"
            maxLength={100}
            required
            {...form.bind('name')}
          />
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={loading}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="primary" aria-disabled={loading || undefined}>
              {loading ? t('passkeys.saving') : t('passkeys.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
