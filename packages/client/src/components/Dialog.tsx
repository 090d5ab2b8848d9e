import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

interface DialogProps {
  title: string;
  /** Escape calls this, unless the dialog is busy. */
  onCancel(): void;
  busy?: boolean;
  /** Given the ids of the title and body, so the body can describe the dialog. */
  children: (ids: { bodyId: string }) => ReactNode;
  /** Whether the body describes the dialog (a short sentence does; a form does not). */
  describedByBody?: boolean;
  /** Where focus starts; the first focusable element when absent. */
  initialFocus?: RefObject<HTMLElement | null>;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus starts inside, Tab stays inside, Escape cancels. Where focus goes
 * afterwards is the caller's call, since it knows what is left.
 * (Not a native <dialog>: jsdom, which the component tests run on, has no showModal.)
 */
export function Dialog({
  title,
  onCancel,
  busy = false,
  children,
  describedByBody = false,
  initialFocus,
}: DialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target =
      initialFocus?.current ?? dialogRef.current?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    // Only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busy) onCancel();
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
        aria-labelledby={`${id}-title`}
        aria-describedby={describedByBody ? `${id}-body` : undefined}
        className="dialog"
        onKeyDown={handleKeyDown}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children({ bodyId: `${id}-body` })}
      </div>
    </div>
  );
}
