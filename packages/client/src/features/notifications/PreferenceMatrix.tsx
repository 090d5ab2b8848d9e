import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import type { NotificationType } from '../../generated/graphql';
import { CHANNELS, cellOf, NOTIFICATION_GROUPS, type Cell } from './notificationCatalog';

interface PreferenceMatrixProps {
  /** Prefix of the group headings' ids (two matrices may share a page in tests). */
  idPrefix: string;
  cells: ReadonlyArray<Cell>;
  /** A cell being saved: its checkbox waits. */
  busy: boolean;
  onChange(cell: Cell, enabled: boolean | null): void;
  /** Personal matrices offer to drop a row's own choices; workspace rules do not. */
  personal: boolean;
}

/**
 * The notification types × channels, one table per group (rows = types, columns = channels),
 * each cell a checkbox that saves at once. Locked cells (security) are disabled and say why;
 * a cell not at its default says where its value comes from.
 */
export function PreferenceMatrix({
  idPrefix,
  cells,
  busy,
  onChange,
  personal,
}: PreferenceMatrixProps) {
  const { t } = useTranslation();
  const lockedNoteId = `${idPrefix}-locked-note`;
  const columns = [
    { key: 'type', label: t('notifications.columns.type') },
    ...CHANNELS.map((channel) => ({ key: channel, label: t(`notifications.channels.${channel}`) })),
  ];
  return (
    <div className="preference-matrix">
      {NOTIFICATION_GROUPS.map((group) => {
        const headingId = `${idPrefix}-${group.key}`;
        return (
          <div key={group.key} className="preference-group">
            <h3 id={headingId}>{t(`notifications.groups.${group.key}`)}</h3>
            <ResponsiveTable labelledBy={headingId} columns={columns} cardsBelow={520}>
              {group.types.map((type) => (
                <MatrixRow
                  key={type}
                  type={type}
                  cells={cells}
                  busy={busy}
                  onChange={onChange}
                  personal={personal}
                  lockedNoteId={lockedNoteId}
                />
              ))}
            </ResponsiveTable>
          </div>
        );
      })}
      <p id={lockedNoteId} className="muted matrix-note">
        <Lock aria-hidden="true" size={14} /> {t('notifications.lockedReason')}
      </p>
    </div>
  );
}

interface MatrixRowProps extends Omit<PreferenceMatrixProps, 'idPrefix' | 'cells'> {
  type: NotificationType;
  cells: ReadonlyArray<Cell>;
  lockedNoteId: string;
}

function MatrixRow({ type, cells, busy, onChange, personal, lockedNoteId }: MatrixRowProps) {
  const { t } = useTranslation();
  const typeName = t(`notifications.types.${type}.name`);
  const own = personal
    ? CHANNELS.map((channel) => cellOf(cells, type, channel)).filter(
        (cell): cell is Cell => cell?.source === 'PERSONAL',
      )
    : [];
  return (
    <TableRow>
      <TableCell column="type" primary>
        <span className="matrix-type">{typeName}</span>
        <span className="matrix-type-hint muted">{t(`notifications.types.${type}.hint`)}</span>
        {own.length > 0 && (
          <button
            type="button"
            className="button-link"
            disabled={busy}
            aria-label={t('notifications.resetRowLabel', { type: typeName })}
            onClick={() => own.forEach((cell) => onChange(cell, null))}
          >
            {t('notifications.resetRow')}
          </button>
        )}
      </TableCell>
      {CHANNELS.map((channel) => {
        const cell = cellOf(cells, type, channel);
        if (!cell) return <TableCell key={channel} column={channel} />;
        const label = t('notifications.cellLabel', {
          type: typeName,
          channel: t(`notifications.channels.${channel}`),
        });
        return (
          <TableCell key={channel} column={channel}>
            <div className="matrix-cell">
              <label>
                <input
                  type="checkbox"
                  checked={cell.enabled}
                  disabled={cell.locked || busy}
                  aria-describedby={cell.locked ? lockedNoteId : undefined}
                  onChange={(event) => onChange(cell, event.target.checked)}
                />
                <span className="visually-hidden">{label}</span>
              </label>
              {cell.locked && (
                <span className="matrix-source">
                  <Lock aria-hidden="true" size={12} />
                  {t(cell.enabled ? 'notifications.alwaysOn' : 'notifications.neverUsed')}
                </span>
              )}
              {(cell.source === 'ORGANIZATION' || cell.source === 'PERSONAL') && (
                <span className="matrix-source">
                  {cell.source === 'PERSONAL'
                    ? t('notifications.sources.PERSONAL')
                    : t('notifications.sources.ORGANIZATION')}
                </span>
              )}
            </div>
          </TableCell>
        );
      })}
    </TableRow>
  );
}
