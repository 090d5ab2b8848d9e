import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_CODES_FILE_NAME, backupCodesText, downloadTextFile } from './backupCodesFile';

interface BackupCodesPanelProps {
  codes: ReadonlyArray<string>;
  email: string;
  onDone(): void;
}

/** The backup codes, shown this once: to write down or download before closing. */
export function BackupCodesPanel({ codes, email, onDone }: BackupCodesPanelProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The panel replaces what the person was using, so their focus starts at its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function download() {
    downloadTextFile(
      BACKUP_CODES_FILE_NAME,
      backupCodesText(t('mfa.codes.fileHeading', { email }), codes),
    );
  }

  return (
    <div className="backup-codes" aria-labelledby="backup-codes-title" role="group">
      <h3 id="backup-codes-title" ref={headingRef} tabIndex={-1}>
        {t('mfa.codes.title')}
      </h3>
      <p>{t('mfa.codes.intro')}</p>
      <ul className="backup-code-list" aria-labelledby="backup-codes-title">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={download}>
          {t('mfa.codes.download')}
        </button>
        <button type="button" className="primary" onClick={onDone}>
          {t('mfa.codes.saved')}
        </button>
      </div>
    </div>
  );
}
