import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/**
 * The browser's side of passkeys, through @simplewebauthn/browser: it turns the server's JSON
 * options into `navigator.credentials` calls and the credentials back into JSON (handed to the
 * API as a JSON object).
 */
type Json = Record<string, unknown>;
export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** Whether the email field can offer passkeys in its autofill list (conditional mediation). */
export const passkeyAutofillSupported = (): Promise<boolean> => browserSupportsWebAuthnAutofill();

export async function createPasskey(options: Json): Promise<Json> {
  const credential: RegistrationResponseJSON = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  return { ...credential };
}

/** `autofill`: wait for the person to pick a passkey in the email field's suggestions. */
export async function getPasskey(options: Json, autofill = false): Promise<Json> {
  const credential: AuthenticationResponseJSON = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
    useBrowserAutofill: autofill,
  });
  return { ...credential };
}

/** Stops a ceremony still waiting (the autofill one, when the page goes away). */
export function cancelPasskeyRequest(): void {
  WebAuthnAbortService.cancelCeremony();
}

/** The person closed the browser's prompt, or another request replaced this one: no error to show. */
export function isCancelled(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: string }).code;
  return (
    error.name === 'NotAllowedError' ||
    error.name === 'AbortError' ||
    code === 'ERROR_CEREMONY_ABORTED'
  );
}

/** This authenticator already holds a passkey of the account (the server listed it as excluded). */
export function isAlreadyRegistered(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: string }).code;
  return error.name === 'InvalidStateError' || code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED';
}
