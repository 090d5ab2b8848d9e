import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { AccountFields, SessionFields } from './documents';
import { typed } from './graphql';

const ACCOUNT =
  'id email fullName username phone timezone locale country avatarUrl mfaEnabled createdAt';
const SESSION = 'id current createdAt expiresAt';
const PASSKEY = 'id name createdAt lastUsedAt kind backedUp';

export interface PasskeyFields {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  kind: 'SYNCED' | 'DEVICE_BOUND';
  backedUp: boolean;
}

type AuthPayloadFields = { account: AccountFields; session: SessionFields; token: string | null };

export const MyPasskeys = typed<{ myPasskeys: PasskeyFields[] }>(
  `query MyPasskeys { myPasskeys { ${PASSKEY} } }`,
);

export const StartPasskeyRegistration = typed<{
  startPasskeyRegistration: PublicKeyCredentialCreationOptionsJSON;
}>(`mutation StartPasskeyRegistration { startPasskeyRegistration }`);

export const FinishPasskeyRegistration = typed<
  { finishPasskeyRegistration: PasskeyFields },
  { input: { response: unknown; name?: string | null } }
>(
  `mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input) { ${PASSKEY} }
  }`,
);

export const RenamePasskey = typed<
  { renamePasskey: PasskeyFields },
  { input: { id: string; name: string } }
>(
  `mutation RenamePasskey($input: RenamePasskeyInput!) { renamePasskey(input: $input) { ${PASSKEY} } }`,
);

export const RemovePasskey = typed<{ removePasskey: boolean }, { id: string }>(
  `mutation RemovePasskey($id: ID!) { removePasskey(id: $id) }`,
);

export const StartPasskeySignIn = typed<{
  startPasskeySignIn: { attemptId: string; options: PublicKeyCredentialRequestOptionsJSON };
}>(`mutation StartPasskeySignIn { startPasskeySignIn { attemptId options } }`);

export const CompletePasskeySignIn = typed<
  { completePasskeySignIn: AuthPayloadFields },
  { input: { attemptId: string; response: unknown; issueToken?: boolean } }
>(
  `mutation CompletePasskeySignIn($input: CompletePasskeySignInInput!) {
    completePasskeySignIn(input: $input) { account { ${ACCOUNT} } session { ${SESSION} } token }
  }`,
);

export const StartPasskeyReauthentication = typed<{
  startPasskeyReauthentication: PublicKeyCredentialRequestOptionsJSON;
}>(`mutation StartPasskeyReauthentication { startPasskeyReauthentication }`);

export interface MfaState {
  mfaEnabled: boolean;
  mfaMethods: string[];
  defaultMfaMethod: string | null;
  remainingBackupCodes: number;
}

export const MyMfa = typed<{ me: MfaState | null }>(
  `query MyMfa { me { mfaEnabled mfaMethods defaultMfaMethod remainingBackupCodes } }`,
);

export const EnableSmsMfa = typed<{ enableSmsMfa: { codes: string[] } }>(
  `mutation EnableSmsMfa { enableSmsMfa { codes } }`,
);

export const DisableMfaMethod = typed<{ disableMfaMethod: MfaState }, { method: string }>(
  `mutation DisableMfaMethod($method: MfaMethod!) {
    disableMfaMethod(method: $method) { mfaEnabled mfaMethods defaultMfaMethod remainingBackupCodes }
  }`,
);

export const SetDefaultMfaMethod = typed<{ setDefaultMfaMethod: MfaState }, { method: string }>(
  `mutation SetDefaultMfaMethod($method: MfaMethod!) {
    setDefaultMfaMethod(method: $method) { mfaEnabled mfaMethods defaultMfaMethod remainingBackupCodes }
  }`,
);

export const LogInChallenge = typed<
  {
    logIn:
      | { __typename: 'AuthPayload' }
      | {
          __typename: 'MfaChallenge';
          challengeId: string;
          methods: string[];
          defaultMethod: string;
          phoneHint: string | null;
        };
  },
  { input: { email: string; password: string; issueToken?: boolean } }
>(
  `mutation LogInChallenge($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ... on MfaChallenge { challengeId methods defaultMethod phoneHint }
    }
  }`,
);

export const SendMfaSmsCode = typed<
  { sendMfaSmsCode: { phoneHint: string; expiresAt: string } },
  { challengeId: string }
>(
  `mutation SendMfaSmsCode($challengeId: String!) {
    sendMfaSmsCode(challengeId: $challengeId) { phoneHint expiresAt }
  }`,
);
