import { useCallback, useEffect, useRef, useState } from 'react';
import { reauthGate, type ReauthGate } from './reauthGate';
import { ReauthDialog } from './ReauthDialog';

/**
 * Focuses `element` once the page has taken the answer and enabled it again (a button is
 * usually disabled while its operation runs); gives up after a second or when it is gone.
 */
function focusOnceEnabled(element: HTMLElement, triesLeft = 20): void {
  setTimeout(() => {
    if (!element.isConnected) return;
    element.focus();
    if (document.activeElement !== element && triesLeft > 0) {
      focusOnceEnabled(element, triesLeft - 1);
    }
  }, 50);
}

/**
 * Registers the re-authentication dialog with the gate the Apollo link asks, and shows it while
 * a question is open. Mounted once in the signed-in shell.
 */
export function ReauthDialogHost({ gate = reauthGate }: { gate?: ReauthGate }) {
  const [open, setOpen] = useState(false);
  const answerRef = useRef<((confirmed: boolean) => void) | null>(null);
  // Focus goes back where it was: usually the button that fired the operation, which may be
  // disabled (so not focused any more) while the operation runs.
  const lastFocusedRef = useRef<HTMLElement | null>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    function remember(event: FocusEvent) {
      if (event.target instanceof HTMLElement) lastFocusedRef.current = event.target;
    }
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);

  useEffect(
    () =>
      gate.register(
        () =>
          new Promise<boolean>((resolve) => {
            returnFocusRef.current = lastFocusedRef.current;
            answerRef.current = resolve;
            setOpen(true);
          }),
      ),
    [gate],
  );

  // An unmounted shell (signed out meanwhile) cancels what was still being asked.
  useEffect(() => () => answerRef.current?.(false), []);

  const close = useCallback((confirmed: boolean) => {
    setOpen(false);
    answerRef.current?.(confirmed);
    answerRef.current = null;
    const returnTo = returnFocusRef.current;
    if (returnTo) focusOnceEnabled(returnTo);
  }, []);

  return open ? (
    <ReauthDialog onConfirmed={() => close(true)} onCancel={() => close(false)} />
  ) : null;
}
