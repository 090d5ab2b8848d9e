import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { CopyButton } from '../../components/CopyButton';

interface SecretDialogProps {
  title: string;
  /** What the secret is for and how it is kept. */
  body: string;
  secret: string;
  onClose(): void;
}

/** A signing secret on screen, to copy into the receiver's configuration. */
export function SecretDialog({ title, body, secret, onClose }: SecretDialogProps) {
  const { t } = useTranslation();
  const doneRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} onCancel={onClose} describedByBody initialFocus={doneRef}>
      {({ bodyId }) => (
        <>
          <p id={bodyId}>{body}</p>
          <div className="webhook-secret">
            <code aria-label={t('webhooks.secret.label')}>{secret}</code>
            <CopyButton text={secret} label={t('webhooks.secret.copy')} />
          </div>
          <div className="dialog-actions">
            <button ref={doneRef} type="button" className="primary" onClick={onClose}>
              {t('webhooks.secret.done')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
