import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text` to the clipboard and says so on the button itself for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard access (an insecure origin, a refused permission): the text is on screen.
    }
  }

  return (
    <button type="button" aria-label={label} onClick={() => void copy()}>
      {copied ? t('domains.copied') : t('domains.copy')}
    </button>
  );
}
