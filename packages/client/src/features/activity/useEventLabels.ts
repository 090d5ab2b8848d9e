import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MySecurityEventsQuery, SecurityEventType } from '../../generated/graphql';

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
]);

/**
 * "Signed in", "Two-factor authentication turned on"…; a type added later reads as generic. A
 * sign-out names the device signed out (`targetDevice`), not the one it was done from.
 */
export function useEventLabel(): (event: Pick<SecurityEvent, 'type' | 'targetDevice'>) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ type, targetDevice }: Pick<SecurityEvent, 'type' | 'targetDevice'>) => {
      if (type === 'SESSION_REVOKED' && targetDevice)
        return t('activity.deviceSignedOut', { device: targetDevice });
      return EVENT_TYPES.has(type) ? t(`activity.types.${type}`) : t('activity.types.unknown');
    },
    [t],
  );
}
