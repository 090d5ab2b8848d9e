import * as RadixDialog from '@radix-ui/react-dialog';
import { useId, type ReactNode, type RefObject } from 'react';

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
          aria-describedby={describedByBody ? bodyId : undefined}
          onOpenAutoFocus={(event) => {
            if (!initialFocus?.current) return;
            event.preventDefault();
            initialFocus.current.focus();
          }}
          // The owner moves focus (to the control that opened it, or what replaced it).
          onCloseAutoFocus={(event) => event.preventDefault()}
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
