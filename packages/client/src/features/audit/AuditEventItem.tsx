import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventFieldsFragment } from '../../generated/graphql';
import { useActorLabel, useFieldLabel, useValueText } from './auditLabels';

interface Change {
  before?: unknown;
  after?: unknown;
}

interface AuditEventItemProps {
  event: AuditEventFieldsFragment;
  formatDateTime: (iso: string) => string;
}

/** One entry: what happened to what, by whom, when; opened, its fields before and after. */
export function AuditEventItem({ event, formatDateTime }: AuditEventItemProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const actorLabel = useActorLabel();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText(formatDateTime);
  const typeLabel = t(`audit.types.${event.type}`);
  const changes = Object.entries(event.changes as Record<string, Change>);
  const detailsId = `audit-entry-${event.id}`;
  const tableId = `${detailsId}-changes`;

  return (
    <li className="audit-entry">
      <div className="audit-entry-summary">
        <div className="audit-entry-what">
          <span className="audit-entry-type">{typeLabel}</span>
          {event.targetLabel && (
            <>
              <span aria-hidden="true"> · </span>
              <span className="audit-entry-target">{event.targetLabel}</span>
            </>
          )}
          <span className="cell-note">
            {actorLabel(event)}
            {' · '}
            <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
            {event.ipAddress && ` · ${t('audit.from_ip', { ip: event.ipAddress })}`}
          </span>
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={t(open ? 'audit.hideOf' : 'audit.detailsOf', {
            sequence: event.sequence,
            type: typeLabel,
          })}
          onClick={() => setOpen(!open)}
        >
          {open ? t('audit.hide') : t('audit.details')}
        </button>
      </div>
      <div id={detailsId} className="audit-entry-details" hidden={!open}>
        {open && (
          <>
            {changes.length === 0 ? (
              <p>{t('audit.noChanges')}</p>
            ) : (
              <table className="audit-changes" id={tableId}>
                <caption className="visually-hidden">
                  {t('audit.changesOf', { sequence: event.sequence })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.field')}</th>
                    <th scope="col">{t('audit.before')}</th>
                    <th scope="col">{t('audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map(([field, change]) => (
                    <tr key={field}>
                      <th scope="row">{fieldLabel(field)}</th>
                      <td>{'before' in change ? valueText(change.before) : ''}</td>
                      <td>{'after' in change ? valueText(change.after) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {event.detailsErased && <p className="cell-note">{t('audit.detailsErased')}</p>}
            <dl className="audit-entry-facts">
              {event.userAgent && (
                <>
                  <dt>{t('audit.userAgent')}</dt>
                  <dd>{event.userAgent}</dd>
                </>
              )}
              <dt>{t('audit.hash')}</dt>
              <dd>
                {t('audit.entry', { sequence: event.sequence })} <code>{event.hash}</code>
              </dd>
            </dl>
          </>
        )}
      </div>
    </li>
  );
}
