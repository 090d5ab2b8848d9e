import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { FOCUSABLE, Modal } from './Modal';

interface DialogProps {
  title: string;
  /** Escape calls this, unless the dialog is busy. */
  onCancel(): void;
  busy?: boolean;
  /** Given the id of the body, so the body can describe the dialog. */
  children: (ids: { bodyId: string }) => ReactNode;
  /** Whether the body describes the dialog (a short sentence does; a form does not). */
  describedByBody?: boolean;
  /** Where focus starts; the first focusable element when absent. */
  initialFocus?: RefObject<HTMLElement | null>;
}

/** A titled modal (on Modal's frame): focus starts inside when it opens, Escape cancels. */
export function Dialog({
  title,
  onCancel,
  busy = false,
  children,
  describedByBody = false,
  initialFocus,
}: DialogProps) {
  const id = useId();
  const contentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target =
      initialFocus?.current ?? contentRef.current?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    // Only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Modal
      labelledBy={`${id}-title`}
      describedBy={describedByBody ? `${id}-body` : undefined}
      onEscape={() => {
        if (!busy) onCancel();
      }}
    >
      <div ref={contentRef}>
        <h2 id={`${id}-title`}>{title}</h2>
        {children({ bodyId: `${id}-body` })}
      </div>
    </Modal>
  );
}
