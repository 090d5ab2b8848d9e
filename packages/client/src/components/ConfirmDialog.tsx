import { useEffect, useId, useRef } from 'react';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** While the confirmed action runs: the confirm button shows this, nothing can be chosen. */
  busyLabel?: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal confirmation: focus starts on Cancel (the safe choice), Tab stays inside, Escape
 * cancels. Where focus goes afterwards is the caller's call, since it knows what is left.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, body, confirmLabel, cancelLabel, busyLabel, busy = false } = props;
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  return (
    <Modal
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      onEscape={() => {
        if (!busy) props.onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" onClick={props.onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        {/* aria-disabled, not disabled: the button keeps focus while the action runs. */}
        <button
          type="button"
          className="danger"
          aria-disabled={busy || undefined}
          onClick={busy ? undefined : props.onConfirm}
        >
          {busy && busyLabel ? busyLabel : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
