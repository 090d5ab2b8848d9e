import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/** Authenticator-data flags (WebAuthn §6.1). */
const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

interface StoredCredential {
  id: Buffer;
  privateKey: KeyObject;
  rpId: string;
  userHandle: string;
  counter: number;
}

export interface AuthenticatorOptions {
  /** The page's origin the browser would put in the client data. */
  origin: string;
  /** A synced passkey: backup eligible and backed up (the BE and BS flags). */
  synced?: boolean;
  /** Whether the authenticator counts its signatures (synced passkeys usually keep 0). */
  counts?: boolean;
}

export interface AssertOptions {
  origin?: string;
  /** The counter to sign with instead of the next one (a cloned authenticator's). */
  counter?: number;
  userVerified?: boolean;
  /** Flags the backup-eligible bit differently from registration. */
  backupEligible?: boolean;
  /** The user handle to answer with (another account's, to be refused). */
  userHandle?: string;
}

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/**
 * A software passkey authenticator, as a test's browser: it makes P-256 (ES256) key pairs, answers
 * `navigator.credentials.create` with a "none" attestation and `get` with signed assertions, and
 * can be told to misbehave (a counter going backwards, another origin, no user verification).
 */
export class SoftwareAuthenticator {
  readonly credentials: StoredCredential[] = [];

  constructor(private readonly options: AuthenticatorOptions) {}

  /** `credentialId`: make the new credential under an id given (one another authenticator holds). */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin = this.options.origin,
    credentialId: Buffer = randomBytes(16),
  ): RegistrationResponseJSON {
    const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
    if (this.credentials.some((c) => excluded.has(b64url(c.id)) && c.rpId === options.rp.id)) {
      throw new Error(
        'InvalidStateError: this authenticator already holds a passkey for the account',
      );
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    );
    const id = credentialId;
    const rpId = options.rp.id as string;
    const credential = { id, privateKey, rpId, userHandle: options.user.id, counter: 0 };
    this.credentials.push(credential);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const authData = Buffer.concat([
      this.authDataHead(rpId, FLAG.AT | FLAG.UP | FLAG.UV | this.backupFlags(), 0),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      id,
      Buffer.from(cosePublicKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } } as never,
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, origin),
        attestationObject: b64url(attestationObject),
        transports: ['internal', 'hybrid'],
      },
    };
  }

  /** Answers a `get` with the first credential the options allow (any, when they list none). */
  assert(
    options: PublicKeyCredentialRequestOptionsJSON,
    overrides: AssertOptions = {},
  ): AuthenticationResponseJSON {
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
    const credential = this.credentials.find(
      (c) => c.rpId === options.rpId && (allowed.size === 0 || allowed.has(b64url(c.id))),
    );
    if (!credential) throw new Error('NotAllowedError: no passkey for this site');
    if (this.options.counts !== false) credential.counter += 1;
    const counter = overrides.counter ?? credential.counter;
    const be = overrides.backupEligible ?? this.options.synced ?? false;
    const flags =
      FLAG.UP |
      (overrides.userVerified === false ? 0 : FLAG.UV) |
      (be ? FLAG.BE : 0) |
      (be && this.options.synced ? FLAG.BS : 0);
    const authData = this.authDataHead(credential.rpId, flags, counter);
    const clientDataJSON = this.clientData(
      'webauthn.get',
      options.challenge,
      overrides.origin ?? this.options.origin,
    );
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(Buffer.from(clientDataJSON, 'base64url'))]),
      credential.privateKey,
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON,
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: overrides.userHandle ?? credential.userHandle,
      },
    };
  }

  private backupFlags(): number {
    return this.options.synced ? FLAG.BE | FLAG.BS : 0;
  }

  private authDataHead(rpId: string, flags: number, counter: number): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count]);
  }

  private clientData(type: string, challenge: string, origin: string): string {
    return b64url(Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false })));
  }
}
