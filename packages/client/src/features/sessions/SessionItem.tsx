import { useApolloClient } from '@apollo/client/react';
import { Laptop, Smartphone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { useRevokeSessionMutation, type SessionFieldsFragment } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { removeSessionFromList } from './sessionsCache';
import { useDeviceLabels } from './useDeviceLabels';

interface SessionItemProps {
  session: SessionFieldsFragment;
  formatDateTime: (iso: string) => string;
  onSignedOut: (deviceName: string) => void;
  onError: (error: ApiError) => void;
}

/** One signed-in device: what it is, where and when it was last seen, and a way to end it. */
export function SessionItem({ session, formatDateTime, onSignedOut, onError }: SessionItemProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const labels = useDeviceLabels();
  const name = labels.name(session);
  const [revokeSession, { loading }] = useRevokeSessionMutation({
    variables: { id: session.id },
    update: (cache) => removeSessionFromList(cache, session.id),
  });

  async function signOut() {
    try {
      await revokeSession();
      onSignedOut(name);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'NOT_FOUND') {
        // Already gone (expired and cleaned up): as signed out as it gets.
        removeSessionFromList(client.cache, session.id);
        onSignedOut(name);
      } else {
        onError(apiError);
      }
    }
  }

  return (
    <li className="session">
      <div className="session-heading">
        <DeviceIcon deviceType={session.deviceType} />
        <h3>{name}</h3>
        {session.current && <StatusBadge tone="info">{t('devices.thisDevice')}</StatusBadge>}
      </div>
      <dl className="session-details">
        <div>
          <dt>{t('devices.type')}</dt>
          <dd>{labels.type(session)}</dd>
        </div>
        <div>
          <dt>{t('devices.location')}</dt>
          <dd>{session.location ?? t('devices.unknown')}</dd>
        </div>
        <div>
          <dt>{t('devices.ipAddress')}</dt>
          <dd>{session.ipAddress ?? t('devices.unknown')}</dd>
        </div>
        <div>
          <dt>{t('devices.lastActive')}</dt>
          <dd>
            <time dateTime={session.lastActiveAt}>{formatDateTime(session.lastActiveAt)}</time>
          </dd>
        </div>
      </dl>
      {!session.current && (
        <button
          type="button"
          aria-label={t('devices.signOutDevice', { device: name })}
          disabled={loading}
          onClick={() => void signOut()}
        >
          {loading ? t('devices.signingOut') : t('devices.signOut')}
        </button>
      )}
    </li>
  );
}

/** A phone or a computer, so a list of devices can be scanned by shape. */
function DeviceIcon({ deviceType }: { deviceType: string | null }) {
  const Icon = deviceType === 'mobile' || deviceType === 'tablet' ? Smartphone : Laptop;
  return <Icon className="device-icon" aria-hidden="true" size={20} />;
}
