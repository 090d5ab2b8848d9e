import { useTranslation } from 'react-i18next';
import type { MySecurityEventsQuery } from '../../generated/graphql';
import { useEventLabel } from './useEventLabels';

type SecurityEvent = MySecurityEventsQuery['mySecurityEvents']['edges'][number]['node'];

interface SecurityEventItemProps {
  event: SecurityEvent;
  formatDateTime: (iso: string) => string;
}

/** One line of the timeline: what happened, when, and from which device and place. */
export function SecurityEventItem({ event, formatDateTime }: SecurityEventItemProps) {
  const { t } = useTranslation();
  const label = useEventLabel();
  const place = [event.location, event.ipAddress].filter(Boolean).join(' · ');
  return (
    <li className="security-event">
      <div className="session-heading">
        <h3>{label(event)}</h3>
        {event.newDevice && <span className="badge badge-warning">{t('activity.newDevice')}</span>}
      </div>
      <dl className="session-details">
        <div>
          <dt>{t('activity.when')}</dt>
          <dd>
            <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('activity.device')}</dt>
          <dd>{event.device ?? t('activity.unknown')}</dd>
        </div>
        <div>
          <dt>{t('activity.where')}</dt>
          <dd>{place || t('activity.unknown')}</dd>
        </div>
      </dl>
    </li>
  );
}
