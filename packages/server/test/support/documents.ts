import { typed } from './graphql';

export interface AccountFields {
  id: string;
  email: string;
  fullName: string;
  username: string | null;
  phone: string | null;
  timezone: string;
  locale: string;
  country: string | null;
  avatarUrl: string | null;
  mfaEnabled: boolean;
  createdAt: string;
}

export interface SessionFields {
  id: string;
  current: boolean;
  createdAt: string;
  expiresAt: string;
}

const ACCOUNT =
  'id email fullName username phone timezone locale country avatarUrl mfaEnabled createdAt';
const SESSION = 'id current createdAt expiresAt';

export interface SignUpVariables extends Record<string, unknown> {
  input: {
    email: string;
    password: string;
    fullName: string;
    timezone?: string | null;
    issueToken?: boolean;
  };
}

export const SignUp = typed<
  { signUp: { account: AccountFields; session: SessionFields; token: string | null } },
  SignUpVariables
>(`mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { account { ${ACCOUNT} } session { ${SESSION} } token }
}`);

export interface LogInVariables extends Record<string, unknown> {
  input: { email: string; password: string; issueToken?: boolean };
}

export const LogIn = typed<
  {
    logIn:
      | {
          __typename: 'AuthPayload';
          account: AccountFields;
          session: SessionFields;
          token: string | null;
        }
      | { __typename: 'MfaChallenge'; challengeId: string };
  },
  LogInVariables
>(`mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    __typename
    ... on AuthPayload { account { ${ACCOUNT} } session { ${SESSION} } token }
    ... on MfaChallenge { challengeId }
  }
}`);

export const LogOut = typed<{ logOut: boolean }>(`mutation LogOut { logOut }`);

export const Me = typed<{ me: AccountFields | null }>(`query Me { me { ${ACCOUNT} } }`);

export interface UpdateProfileVariables extends Record<string, unknown> {
  input: {
    fullName?: string | null;
    username?: string | null;
    timezone?: string | null;
    locale?: string | null;
    country?: string | null;
  };
}

export const UpdateProfile = typed<{ updateProfile: AccountFields }, UpdateProfileVariables>(
  `mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { ${ACCOUNT} } }`,
);

export interface SessionDetails extends SessionFields {
  lastActiveAt: string;
  deviceType: string | null;
  browser: string | null;
  os: string | null;
  ipAddress: string | null;
  location: string | null;
  revokedAt: string | null;
}

const SESSION_DETAILS = `${SESSION} lastActiveAt deviceType browser os ipAddress location revokedAt`;

export const MySessions = typed<{ mySessions: SessionDetails[] }>(
  `query MySessions { mySessions { ${SESSION_DETAILS} } }`,
);

export const RevokeSession = typed<{ revokeSession: SessionDetails }, { id: string }>(
  `mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ${SESSION_DETAILS} } }`,
);

export const RevokeOtherSessions = typed<{ revokeOtherSessions: number }>(
  `mutation RevokeOtherSessions { revokeOtherSessions }`,
);

export const RequestEmailChange = typed<
  { requestEmailChange: boolean },
  { input: { newEmail: string; password: string } }
>(
  `mutation RequestEmailChange($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`,
);

export const ConfirmEmailChange = typed<
  { confirmEmailChange: AccountFields & { emailVerified: boolean } },
  { token: string }
>(
  `mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) { ${ACCOUNT} emailVerified } }`,
);

export const ResendVerificationEmail = typed<{ resendVerificationEmail: boolean }>(
  `mutation ResendVerificationEmail { resendVerificationEmail }`,
);

export const EmailVerified = typed<{ me: { emailVerified: boolean } | null }>(
  `query EmailVerified { me { emailVerified } }`,
);

export const RequestPhoneChange = typed<
  { requestPhoneChange: boolean },
  { input: { phone: string; password: string } }
>(
  `mutation RequestPhoneChange($input: RequestPhoneChangeInput!) { requestPhoneChange(input: $input) }`,
);

export const ConfirmPhoneChange = typed<{ confirmPhoneChange: AccountFields }, { code: string }>(
  `mutation ConfirmPhoneChange($code: String!) { confirmPhoneChange(code: $code) { ${ACCOUNT} } }`,
);

export const ChangePassword = typed<
  { changePassword: boolean },
  { input: { currentPassword: string; newPassword: string; signOutOtherSessions?: boolean } }
>(`mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }`);

export const RequestPasswordReset = typed<{ requestPasswordReset: boolean }, { email: string }>(
  `mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`,
);

export const ResetPassword = typed<
  { resetPassword: boolean },
  { input: { token: string; newPassword: string } }
>(`mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }`);

export const RemoveAvatar = typed<{ removeAvatar: AccountFields }>(
  `mutation RemoveAvatar { removeAvatar { ${ACCOUNT} } }`,
);

export const StartTotpEnrollment = typed<{
  startTotpEnrollment: { secret: string; otpauthUri: string; qrCodeDataUrl: string };
}>(`mutation StartTotpEnrollment { startTotpEnrollment { secret otpauthUri qrCodeDataUrl } }`);

export const ConfirmTotpEnrollment = typed<
  { confirmTotpEnrollment: { codes: string[] } },
  { code: string; signOutOtherSessions?: boolean }
>(
  `mutation ConfirmTotpEnrollment($code: String!, $signOutOtherSessions: Boolean) {
    confirmTotpEnrollment(code: $code, signOutOtherSessions: $signOutOtherSessions) { codes }
  }`,
);

export const RegenerateBackupCodes = typed<{ regenerateBackupCodes: { codes: string[] } }>(
  `mutation RegenerateBackupCodes { regenerateBackupCodes { codes } }`,
);

export const DisableMfa = typed<{ disableMfa: boolean }>(`mutation DisableMfa { disableMfa }`);

export const CompleteMfaChallenge = typed<
  {
    completeMfaChallenge: { account: AccountFields; session: SessionFields; token: string | null };
  },
  { input: { challengeId: string; code: string; issueToken?: boolean } }
>(
  `mutation CompleteMfaChallenge($input: CompleteMfaChallengeInput!) {
    completeMfaChallenge(input: $input) { account { ${ACCOUNT} } session { ${SESSION} } token }
  }`,
);

export const Reauthenticate = typed<
  { reauthenticate: SessionFields },
  { input: { password?: string; code?: string; passkey?: unknown } }
>(
  `mutation Reauthenticate($input: ReauthenticateInput!) { reauthenticate(input: $input) { ${SESSION} } }`,
);

export interface SecurityEventNode {
  id: string;
  type: string;
  createdAt: string;
  ipAddress: string | null;
  device: string | null;
  targetDevice: string | null;
  newDevice: boolean;
  method: string | null;
}

export const MySecurityEvents = typed<
  {
    mySecurityEvents: {
      edges: Array<{ cursor: string; node: SecurityEventNode }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  },
  { first?: number; after?: string | null }
>(
  `query MySecurityEvents($first: Int, $after: String) {
    mySecurityEvents(first: $first, after: $after) {
      edges { cursor node { id type createdAt ipAddress device targetDevice newDevice method } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

export const PendingChanges = typed<{
  me: {
    email: string;
    pendingEmail: string | null;
    phone: string | null;
    pendingPhone: string | null;
  } | null;
}>(`query PendingChanges { me { email pendingEmail phone pendingPhone } }`);

export const CancelEmailChange = typed<{
  cancelEmailChange: { email: string; pendingEmail: string | null };
}>(`mutation CancelEmailChange { cancelEmailChange { email pendingEmail } }`);

export const ResendPhoneCode = typed<{ resendPhoneCode: boolean }>(
  `mutation ResendPhoneCode { resendPhoneCode }`,
);

export const RemovePhone = typed<{ removePhone: { phone: string | null } }>(
  `mutation RemovePhone { removePhone { phone } }`,
);

export const RemainingBackupCodes = typed<{ me: { remainingBackupCodes: number } | null }>(
  `query RemainingBackupCodes { me { remainingBackupCodes } }`,
);
