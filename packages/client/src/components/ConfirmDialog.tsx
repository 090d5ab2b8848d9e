import { useRef } from 'react';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** While the confirmed action runs: the confirm button shows this, nothing can be chosen. */
  busyLabel?: string;
  busy?: boolean;
  /** A confirmation that destroys or gives away something is red; others use the accent. */
  tone?: 'danger' | 'primary';
  onConfirm(): void;
  onCancel(): void;
}

/** A modal confirmation: focus starts on Cancel (the safe choice). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, body, confirmLabel, cancelLabel, busyLabel, busy = false } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);

  return (
    <Dialog
      title={title}
      onCancel={props.onCancel}
      busy={busy}
      describedByBody
      initialFocus={cancelRef}
    >
      {({ bodyId }) => (
        <>
          <p id={bodyId}>{body}</p>
          <div className="dialog-actions">
            <button ref={cancelRef} type="button" onClick={props.onCancel} disabled={busy}>
              {cancelLabel}
            </button>
            {/* aria-disabled, not disabled: the button keeps focus while the action runs. */}
            <button
              type="button"
              className={props.tone ?? 'danger'}
              aria-disabled={busy || undefined}
              onClick={busy ? undefined : props.onConfirm}
            >
              {busy && busyLabel ? busyLabel : confirmLabel}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
