import { useEffect, type RefObject } from 'react';

/** After a failed submit, moves focus to the first field marked invalid. */
export function useFocusFirstInvalid(
  formRef: RefObject<HTMLFormElement | null>,
  fieldErrors: object,
): void {
  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, fieldErrors]);
}
