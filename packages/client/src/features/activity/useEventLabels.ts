import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthMethod, MySecurityEventsQuery, SecurityEventType } from '../../generated/graphql';

type SecurityEvent = MySecurityEventsQuery['mySecurityEvents']['edges'][number]['node'];

const EVENT_TYPES: ReadonlySet<string> = new Set<SecurityEventType>([
  'SIGN_UP',
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'EMAIL_CHANGED',
  'PHONE_CHANGED',
  'PHONE_REMOVED',
  'MFA_ENABLED',
  'MFA_DISABLED',
  'BACKUP_CODES_REGENERATED',
  'SESSION_REVOKED',
  'API_KEY_CREATED',
  'API_KEY_ROLLED',
  'API_KEY_REVOKED',
  'WEBHOOK_ENDPOINT_CREATED',
  'WEBHOOK_ENDPOINT_DELETED',
  'WEBHOOK_SECRET_REVEALED',
  'WEBHOOK_SECRET_ROTATED',
  'DATA_EXPORT_REQUESTED',
  'DATA_EXPORT_DOWNLOADED',
  'ACCOUNT_DEACTIVATED',
  'ACCOUNT_REACTIVATED',
  'ACCOUNT_DELETION_SCHEDULED',
  'ACCOUNT_DELETION_CANCELLED',
  'MFA_METHOD_ADDED',
  'MFA_METHOD_REMOVED',
  'MFA_DEFAULT_METHOD_CHANGED',
  'PASSKEY_ADDED',
  'PASSKEY_REMOVED',
]);

const METHODS: ReadonlySet<string> = new Set<AuthMethod>([
  'PASSWORD',
  'PASSKEY',
  'TOTP',
  'SMS',
  'BACKUP_CODE',
]);

type Labelled = Pick<SecurityEvent, 'type' | 'targetDevice' | 'method'>;

/**
 * "Signed in with a passkey", "Two-factor authentication turned on"…; a type added later reads
 * as generic. A sign-out names the device signed out (`targetDevice`), not the one it was done
 * from; a passkey line names the passkey; sign-ins and MFA changes name their method.
 */
export function useEventLabel(): (event: Labelled) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ type, targetDevice, method }: Labelled) => {
      if (type === 'SESSION_REVOKED' && targetDevice)
        return t('activity.deviceSignedOut', { device: targetDevice });
      if ((type === 'PASSKEY_ADDED' || type === 'PASSKEY_REMOVED') && targetDevice)
        return t(`activity.passkey.${type}`, { name: targetDevice });
      if (method && METHODS.has(method)) {
        if (type === 'SIGN_IN' || type === 'SIGN_IN_FAILED')
          return t(`activity.${type === 'SIGN_IN' ? 'signedInWith' : 'failedWith'}.${method}`);
        const about = { method: t(`activity.methods.${method as AuthMethod}`) };
        if (type === 'MFA_ENABLED') return t('activity.mfaMethod.MFA_ENABLED', about);
        if (type === 'MFA_METHOD_ADDED') return t('activity.mfaMethod.MFA_METHOD_ADDED', about);
        if (type === 'MFA_METHOD_REMOVED') return t('activity.mfaMethod.MFA_METHOD_REMOVED', about);
        if (type === 'MFA_DEFAULT_METHOD_CHANGED')
          return t('activity.mfaMethod.MFA_DEFAULT_METHOD_CHANGED', about);
      }
      return EVENT_TYPES.has(type) ? t(`activity.types.${type}`) : t('activity.types.unknown');
    },
    [t],
  );
}
