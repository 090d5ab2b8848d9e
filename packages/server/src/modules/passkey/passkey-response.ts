import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { badUserInput } from '../../graphql/errors';

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/)
  .max(20_000);

const common = {
  id: base64url.min(1).max(1400),
  rawId: base64url.min(1).max(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

const registration = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

const authentication = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.max(128).optional().nullable(),
  }),
});

/** The browser's `PublicKeyCredential.toJSON()` of a registration, or BAD_USER_INPUT on `field`. */
export function registrationResponse(value: unknown, field: string): RegistrationResponseJSON {
  const parsed = registration.safeParse(value);
  if (!parsed.success) throw badUserInput({ [field]: 'PASSKEY_RESPONSE_INVALID' });
  return parsed.data as RegistrationResponseJSON;
}

/** The browser's `PublicKeyCredential.toJSON()` of an assertion, or BAD_USER_INPUT on `field`. */
export function authenticationResponse(value: unknown, field: string): AuthenticationResponseJSON {
  const parsed = authentication.safeParse(value);
  if (!parsed.success) throw badUserInput({ [field]: 'PASSKEY_RESPONSE_INVALID' });
  const { userHandle, ...rest } = parsed.data.response;
  return {
    ...parsed.data,
    response: { ...rest, ...(userHandle ? { userHandle } : {}) },
  } as AuthenticationResponseJSON;
}
