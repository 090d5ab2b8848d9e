import type { ApiKeyFieldsFragment } from '../../generated/graphql';
import type { StatusTone } from '../../components/StatusBadge';

/** A key expiring within this many days is flagged (the server mails the admins then too). */
export const EXPIRING_SOON_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ApiKeyState =
  | { kind: 'revoked'; tone: StatusTone }
  | { kind: 'expired'; tone: StatusTone }
  | { kind: 'rolled'; tone: StatusTone; previousSecretUntil: string }
  | { kind: 'expiringSoon'; tone: StatusTone; expiresAt: string }
  | { kind: 'active'; tone: StatusTone };

type KeyTimes = Pick<
  ApiKeyFieldsFragment,
  'status' | 'expiresAt' | 'previousSecretExpiresAt' | 'revokedAt'
>;

/**
 * What a key's badge says at `now`: revoked and expired keys work no more; a rolled key whose
 * old secret still works says until when (that is what the person is waiting on); an active key
 * that stops within a week says so. The server's status is read as of the list's loading, so
 * the times are checked again here.
 */
export function apiKeyState(key: KeyTimes, now: number): ApiKeyState {
  if (key.status === 'REVOKED' || key.revokedAt) return { kind: 'revoked', tone: 'neutral' };
  const expiresAt = key.expiresAt ? Date.parse(key.expiresAt) : null;
  if (key.status === 'EXPIRED' || (expiresAt !== null && expiresAt <= now)) {
    return { kind: 'expired', tone: 'danger' };
  }
  if (key.previousSecretExpiresAt && Date.parse(key.previousSecretExpiresAt) > now) {
    return { kind: 'rolled', tone: 'info', previousSecretUntil: key.previousSecretExpiresAt };
  }
  if (key.expiresAt && expiresAt !== null && expiresAt - now <= EXPIRING_SOON_DAYS * DAY_MS) {
    return { kind: 'expiringSoon', tone: 'warning', expiresAt: key.expiresAt };
  }
  return { kind: 'active', tone: 'success' };
}

/** Whether the key still works, so rolling or revoking it means something. */
export function isLive(state: ApiKeyState): boolean {
  return state.kind !== 'revoked' && state.kind !== 'expired';
}
