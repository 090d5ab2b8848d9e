import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TableCell, TableRow } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useRevokeApiKeyMutation, type ApiKeyFieldsFragment } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { apiKeyState, isLive, type ApiKeyState } from './apiKeyStatus';
import { RollApiKeyDialog } from './RollApiKeyDialog';
import { sortScopes } from './scopeGroups';

interface ApiKeyRowProps {
  apiKey: ApiKeyFieldsFragment;
  /** When the list was drawn, for the badges. */
  now: number;
  formatDateTime(iso: string): string;
  /** The day only, where the hour hardly matters (created, expires). */
  formatDate(iso: string): string;
  onDone(message: string): void;
  onError(error: ApiError): void;
}

/**
 * One key (for its OWNER and ADMINs): what it is and its state, what it may do, who made it,
 * when it stops, its last use. The state sits under the name, where a card has it too.
 */
export function ApiKeyRow(props: ApiKeyRowProps) {
  const { apiKey, now, formatDateTime, formatDate, onDone, onError } = props;
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'roll' | 'revoke' | null>(null);
  const rollButtonRef = useRef<HTMLButtonElement>(null);
  const revokeButtonRef = useRef<HTMLButtonElement>(null);
  const state = apiKeyState(apiKey, now);
  const [revoke, revoking] = useRevokeApiKeyMutation({ variables: { id: apiKey.id } });
  const { name } = apiKey;
  const time = (iso: string, format = formatDateTime) => <time dateTime={iso}>{format(iso)}</time>;

  async function confirmRevoke() {
    try {
      await revoke();
      setDialog(null);
      onDone(t('apiKeys.revoked', { name }));
    } catch (error) {
      setDialog(null);
      onError(toApiError(error));
    }
  }

  return (
    <TableRow>
      <TableCell column="key" primary>
        <span className="api-key-name">{name}</span>
        <code className="api-key-prefix">
          <span className="visually-hidden">{t('apiKeys.prefix')} </span>
          {apiKey.prefix}…
        </code>
        <KeyStatus state={state} formatDateTime={formatDateTime} />
      </TableCell>
      <TableCell column="scopes">
        <ul className="scope-list">
          {sortScopes(apiKey.scopes).map((scope) => (
            <li key={scope}>{t(`apiKeys.scopeShort.${scope}`, { defaultValue: scope })}</li>
          ))}
        </ul>
      </TableCell>
      <TableCell column="created">
        {time(apiKey.createdAt, formatDate)}
        <span className="cell-detail">
          {apiKey.createdBy
            ? t('apiKeys.createdBy', {
                name: apiKey.createdBy.fullName || apiKey.createdBy.email,
              })
            : t('apiKeys.createdByGone')}
        </span>
      </TableCell>
      <TableCell column="expires">
        {apiKey.expiresAt ? time(apiKey.expiresAt, formatDate) : t('apiKeys.neverExpires')}
      </TableCell>
      <TableCell column="lastUsed">
        {apiKey.lastUsedAt ? (
          <>
            {time(apiKey.lastUsedAt)}
            {apiKey.lastUsedIp && (
              <span className="cell-detail">
                {t('apiKeys.usedFrom', { ip: apiKey.lastUsedIp })}
              </span>
            )}
          </>
        ) : (
          t('apiKeys.neverUsed')
        )}
      </TableCell>
      <TableCell column="actions">
        {isLive(state) && (
          <>
            <button
              ref={rollButtonRef}
              type="button"
              aria-label={t('apiKeys.rollKey', { name })}
              onClick={() => setDialog('roll')}
            >
              {t('apiKeys.roll')}
            </button>
            <button
              ref={revokeButtonRef}
              type="button"
              aria-label={t('apiKeys.revokeKey', { name })}
              onClick={() => setDialog('revoke')}
            >
              {t('apiKeys.revoke')}
            </button>
          </>
        )}
        {dialog === 'roll' && (
          <RollApiKeyDialog
            apiKey={apiKey}
            formatDateTime={formatDateTime}
            onRolled={() => {
              setDialog(null);
              onDone(t('apiKeys.secret.rolled', { name }));
              rollButtonRef.current?.focus();
            }}
            onCancel={() => {
              setDialog(null);
              rollButtonRef.current?.focus();
            }}
          />
        )}
        {dialog === 'revoke' && (
          <ConfirmDialog
            title={t('apiKeys.revokeTitle', { name })}
            body={t('apiKeys.revokeBody')}
            confirmLabel={t('apiKeys.revoke')}
            cancelLabel={t('app.cancel')}
            busyLabel={t('apiKeys.revoking')}
            busy={revoking.loading}
            onConfirm={() => void confirmRevoke()}
            onCancel={() => {
              setDialog(null);
              revokeButtonRef.current?.focus();
            }}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

function KeyStatus({
  state,
  formatDateTime,
}: {
  state: ApiKeyState;
  formatDateTime(iso: string): string;
}) {
  const { t } = useTranslation();
  return (
    <span className="api-key-status">
      <StatusBadge tone={state.tone}>{t(`apiKeys.status.${state.kind}`)}</StatusBadge>
      {state.kind === 'rolled' && (
        <span className="cell-detail">
          {t('apiKeys.oldSecretUntil', { time: formatDateTime(state.previousSecretUntil) })}
        </span>
      )}
    </span>
  );
}
