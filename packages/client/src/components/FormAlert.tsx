/**
 * The form-level error region. It stays mounted (empty) so that assistive technology
 * announces the message when it appears.
 */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" className={message ? 'form-alert' : undefined}>
      {message}
    </div>
  );
}
