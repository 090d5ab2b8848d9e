import * as RadixDialog from '@radix-ui/react-dialog';
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

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

/**
 * A titled modal on Radix's dialog: the rest of the page is inert while it is open, Tab stays
 * inside, Escape cancels (unless busy). It opens when mounted and closes when its owner unmounts
 * it; the owner also decides where focus goes afterwards, since it knows what is left.
 */
export function Dialog({
  title,
  onCancel,
  busy = false,
  children,
  describedByBody = false,
  initialFocus,
}: DialogProps) {
  const bodyId = `${useId()}-body`;
  const contentRef = useRef<HTMLDivElement>(null);
  const focusWanted = useOwnersFocus(contentRef);
  return (
    <RadixDialog.Root
      open
      onOpenChange={(open) => {
        if (!open && !busy) onCancel();
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-backdrop" />
        <RadixDialog.Content
          className="dialog"
          aria-modal="true"
          aria-describedby={describedByBody ? bodyId : undefined}
          onOpenAutoFocus={(event) => {
            if (!initialFocus?.current) return;
            event.preventDefault();
            initialFocus.current.focus();
          }}
          ref={contentRef}
          // The owner moves focus (to the control that opened it, or what replaced it) as it
          // closes the dialog; the focus trap refuses that while it lasts, so it is done here.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const target = focusWanted.current;
            if (target?.isConnected) target.focus();
          }}
          // A stray click outside must not throw away what was typed.
          onInteractOutside={(event) => event.preventDefault()}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {children({ bodyId })}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * Remembers where the owner last sent focus outside the dialog (the trap sends it back), so it
 * can go there once the dialog is gone. Focus coming back inside forgets it.
 */
function useOwnersFocus(contentRef: RefObject<HTMLElement | null>) {
  const wanted = useRef<HTMLElement | null>(null);
  useEffect(() => {
    function onFocusOut(event: FocusEvent) {
      const next = event.relatedTarget;
      const content = contentRef.current;
      // Only focus leaving the dialog counts (not the trap pulling it back in).
      if (!content || !(event.target instanceof Node) || !content.contains(event.target)) return;
      if (!(next instanceof HTMLElement)) return;
      wanted.current = content.contains(next) ? null : next;
    }
    // Capture, so it runs before the trap's own listener pulls focus back.
    document.addEventListener('focusout', onFocusOut, true);
    return () => document.removeEventListener('focusout', onFocusOut, true);
  }, [contentRef]);
  return wanted;
}
