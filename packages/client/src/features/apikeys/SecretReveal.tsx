import { TriangleAlert } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';

interface SecretRevealProps {
  /** The key's name, for the labels. */
  name: string;
  secret: string;
  /** A line under the warning (what became of the old secret, after a roll). */
  note?: string;
  onDone(): void;
}

/**
 * A secret shown this once: in a read-only field (selected, so it can be copied by hand too),
 * with a copy button and the warning that it will not be shown again. It lives only as long as
 * its dialog: the owner unmounts it, and the secret is gone from the page.
 */
export function SecretReveal({ name, secret, note, onDone }: SecretRevealProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);

  return (
    <div className="secret-reveal">
      <p className="notice notice-warning">
        <TriangleAlert aria-hidden="true" size={18} />
        <span>{t('apiKeys.secret.warning')}</span>
      </p>
      {note && <p>{note}</p>}
      <div className="field">
        <label htmlFor={fieldId}>{t('apiKeys.secret.label', { name })}</label>
        <div className="secret-row">
          <input
            ref={fieldRef}
            id={fieldId}
            className="secret-value"
            readOnly
            value={secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton
            text={secret}
            label={t('apiKeys.secret.copy', { name })}
            onCopied={() => setCopyStatus(t('apiKeys.secret.copied'))}
            onFailed={() => {
              fieldRef.current?.focus();
              fieldRef.current?.select();
              setCopyStatus(t('apiKeys.secret.copyFailed'));
            }}
          />
        </div>
      </div>
      <p role="status" className="form-status">
        {copyStatus}
      </p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onDone}>
          {t('apiKeys.secret.done')}
        </button>
      </div>
    </div>
  );
}
