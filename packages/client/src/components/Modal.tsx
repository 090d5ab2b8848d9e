import { useRef, type KeyboardEvent, type ReactNode } from 'react';

interface ModalProps {
  /** The id of the element that names the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  /** Escape: usually the same as the dialog's Cancel. */
  onEscape(): void;
  children: ReactNode;
}

export const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The frame of a modal dialog: Tab stays inside, Escape calls `onEscape`. The content decides
 * where focus starts, and the caller where it goes afterwards, since it knows what is left.
 * (Not a native <dialog>: jsdom, which the component tests run on, has no showModal.)
 */
export function Modal({ labelledBy, describedBy, onEscape, children }: ModalProps) {
  const dialogRef = useRef<HTMLDivElement>(null);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
    } else if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        className="dialog"
        onKeyDown={handleKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
