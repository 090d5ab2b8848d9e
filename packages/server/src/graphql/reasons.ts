import { CALLER_REASONS } from '../caller/errors';
import { ACCOUNT_REASONS } from '../modules/account/errors';
import { API_KEY_REASONS } from '../modules/api-key/errors';
import { AUDIT_REASONS } from '../modules/audit/errors';
import { AUTH_REASONS, PASSWORD_POLICY_REASONS } from '../modules/auth/errors';
import { AVATAR_REASONS } from '../modules/avatar/errors';
import { BILLING_REASONS } from '../modules/billing/errors';
import { DOMAIN_REASONS } from '../modules/domain/errors';
import { INVITATION_REASONS } from '../modules/invitation/errors';
import { MFA_REASONS } from '../modules/mfa/errors';
import { PASSKEY_REASONS } from '../modules/passkey/errors';
import { NOTIFICATION_REASONS } from '../modules/notification/errors';
import { ORGANIZATION_REASONS } from '../modules/organization/errors';
import { PLAN_REASONS } from '../modules/plan/errors';
import { PRIVACY_REASONS } from '../modules/privacy/errors';
import { SESSION_REASONS } from '../modules/session/errors';
import { TOKEN_REASONS } from '../modules/tokens/errors';
import { USAGE_REASONS } from '../modules/usage/errors';
import { WEBHOOK_REASONS } from '../modules/webhook/errors';
import { RATE_LIMIT_REASONS } from '../security/errors';
import type { AppErrorCode } from './error-codes';
import { INPUT_REASONS } from './input-errors';

/** Every table of reasons: the shared plumbing's, then one (or two) per module. */
const TABLES = [
  INPUT_REASONS,
  CALLER_REASONS,
  RATE_LIMIT_REASONS,
  AUTH_REASONS,
  PASSWORD_POLICY_REASONS,
  TOKEN_REASONS,
  ACCOUNT_REASONS,
  MFA_REASONS,
  PASSKEY_REASONS,
  AVATAR_REASONS,
  SESSION_REASONS,
  API_KEY_REASONS,
  ORGANIZATION_REASONS,
  INVITATION_REASONS,
  DOMAIN_REASONS,
  NOTIFICATION_REASONS,
  WEBHOOK_REASONS,
  PRIVACY_REASONS,
  PLAN_REASONS,
  USAGE_REASONS,
  BILLING_REASONS,
  AUDIT_REASONS,
] as const;

type Merged<T extends readonly object[]> = T extends readonly [
  infer Head,
  ...infer Rest extends readonly object[],
]
  ? Head & Merged<Rest>
  : unknown;
type DeclaredTwice<T extends readonly object[]> = T extends readonly [
  infer Head,
  ...infer Rest extends readonly object[],
]
  ? (keyof Head & keyof Merged<Rest>) | DeclaredTwice<Rest>
  : never;

/** `true` while no two tables declare the same reason, else the reasons declared twice. */
type DeclaredOnce<T extends readonly object[]> = [DeclaredTwice<T>] extends [never]
  ? true
  : DeclaredTwice<T>;

/**
 * All tables in one object. Passing `true` type-checks only while each reason is declared
 * once (the merge would silently keep one of two): the compiler names any declared twice.
 */
function merge<T extends readonly object[]>(tables: T, _declaredOnce: DeclaredOnce<T>): Merged<T> {
  return Object.assign({}, ...tables) as Merged<T>;
}

/** Every reason an error can give, with its code and English message. */
export const REASONS = merge(TABLES, true);

export type Reason = keyof typeof REASONS & string;

/** The reasons answered with `code`, e.g. the NOT_FOUND ones. */
export type ReasonWithCode<C extends AppErrorCode> = {
  [R in Reason]: (typeof REASONS)[R]['code'] extends C ? R : never;
}[Reason];

type ParamNames<M> = M extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;
type ParamNamesOf<R extends Reason> = ParamNames<(typeof REASONS)[R]['message']>;

export type Params = Readonly<Record<string, string | number>>;

/** The values a reason's message names (`{max}`), required exactly when it names some. */
export type ParamsOf<R extends Reason> = Readonly<Record<ParamNamesOf<R>, string | number>>;

export type TakesParams<R extends Reason> = [ParamNamesOf<R>] extends [never] ? false : true;

/** `params` for the reasons whose message needs them, nothing for the others. */
export type ParamArgs<R extends Reason> =
  TakesParams<R> extends true ? [params: ParamsOf<R>] : [params?: undefined];

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && Object.hasOwn(REASONS, value);
}

/** The English message of `reason`, its `{name}`s filled from `params`. */
export function messageOf(reason: Reason, params?: Params): string {
  const { message } = REASONS[reason];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
