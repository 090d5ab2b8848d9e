import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyButtonProps {
  text: string;
  /** Names what is copied ("Copy the TXT record's name"). */
  label: string;
  /** After the clipboard took it. */
  onCopied?(): void;
  /** No clipboard access (an insecure origin, a refused permission): the text is on screen. */
  onFailed?(): void;
}

/** Copies `text` to the clipboard and says so on the button itself for a moment. */
export function CopyButton({ text, label, onCopied, onFailed }: CopyButtonProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      onFailed?.();
      return;
    }
    setCopied(true);
    onCopied?.();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 2000);
  }

  return (
    <button type="button" aria-label={label} onClick={() => void copy()}>
      {copied ? t('app.copied') : t('app.copy')}
    </button>
  );
}
