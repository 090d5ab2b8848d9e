import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { useMySessionsQuery, type SessionFieldsFragment } from '../../generated/graphql';
import type { ApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { SessionItem } from './SessionItem';
import { SignOutOtherDevices } from './SignOutOtherDevices';

/** This device first, then the others as the server orders them (most recently active first). */
function thisDeviceFirst(sessions: ReadonlyArray<SessionFieldsFragment>) {
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/**
 * Security → Devices: where the account is signed in. The list follows sign-ins and sign-outs
 * on other devices live, through the cache the SessionEventsListener keeps up to date.
 */
export function DevicesSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  // Seen from the cache at once, refreshed for up-to-date "last active" times.
  const { data, error, refetch } = useMySessionsQuery({ fetchPolicy: 'cache-and-network' });
  const [alert, setAlert] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const sessions = useMemo(() => thisDeviceFirst(data?.mySessions ?? []), [data]);
  const hasOthers = sessions.some((session) => !session.current);

  // The button that was used is gone with its row, so focus moves to the section's heading.
  const announce = useCallback(
    (message: string) => {
      setAlert(null);
      toast(message);
      headingRef.current?.focus();
    },
    [toast],
  );
  const fail = useCallback(
    (apiError: ApiError) => {
      setAlert(errorText(apiError));
    },
    [errorText],
  );

  const loadFailed = Boolean(error) && !data;
  return (
    <SectionCard
      titleId="devices-title"
      title={t('devices.title')}
      description={t('devices.intro')}
      headingRef={headingRef}
    >
      <FormAlert message={alert ?? (loadFailed ? t('devices.loadFailed') : null)} />
      {loadFailed && (
        <button type="button" onClick={() => void refetch().catch(() => undefined)}>
          {t('app.retry')}
        </button>
      )}
      {!data && !error && <Skeleton lines={4} />}
      {data && (
        <>
          <ul className="session-list" aria-labelledby="devices-title">
            {sessions.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                formatDateTime={formatDateTime}
                onSignedOut={(device) => announce(t('devices.signedOutDevice', { device }))}
                onError={fail}
              />
            ))}
          </ul>
          <div className="form-actions">
            {hasOthers ? (
              <SignOutOtherDevices
                onSignedOut={(count) => announce(t('devices.signedOutOthers', { count }))}
                onError={fail}
              />
            ) : (
              <p className="muted">{t('devices.noOtherDevices')}</p>
            )}
          </div>
        </>
      )}
    </SectionCard>
  );
}
