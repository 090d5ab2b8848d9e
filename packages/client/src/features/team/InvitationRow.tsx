import { useTranslation } from 'react-i18next';
import { TableCell, TableRow } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import {
  useResendInvitationMutation,
  useRevokeInvitationMutation,
  type InvitationFieldsFragment,
} from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { removeInvitationFromTeam } from './teamCache';

interface InvitationRowProps {
  organizationId: string;
  invitation: InvitationFieldsFragment;
  canManage: boolean;
  formatDateTime: (iso: string) => string;
  onDone(message: string): void;
  onError(error: ApiError): void;
}

/** A pending invitation: to whom, as what, until when; sent again or revoked. */
export function InvitationRow(props: InvitationRowProps) {
  const { organizationId, invitation, canManage, formatDateTime, onDone, onError } = props;
  const { t } = useTranslation();
  const { email } = invitation;
  const [resend, resending] = useResendInvitationMutation({ variables: { id: invitation.id } });
  const [revoke, revoking] = useRevokeInvitationMutation({
    variables: { id: invitation.id },
    update: (cache) => removeInvitationFromTeam(cache, organizationId, invitation.id),
  });

  async function run(action: () => Promise<unknown>, message: string) {
    try {
      await action();
      onDone(message);
    } catch (error) {
      onError(toApiError(error));
    }
  }

  return (
    <TableRow>
      <TableCell column="email" primary>
        {email}
      </TableCell>
      <TableCell column="role">{t(`roles.${invitation.role}`)}</TableCell>
      <TableCell column="status">
        <StatusBadge tone="warning">{t('team.invitations.pending')}</StatusBadge>
      </TableCell>
      <TableCell column="expires">
        <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
      </TableCell>
      <TableCell column="actions">
        {canManage && (
          <>
            <button
              type="button"
              aria-label={t('team.invitations.resendTo', { email })}
              disabled={resending.loading || revoking.loading}
              onClick={() => void run(resend, t('team.invitations.resent', { email }))}
            >
              {resending.loading ? t('team.invitations.resending') : t('team.invitations.resend')}
            </button>
            <button
              type="button"
              aria-label={t('team.invitations.revokeFor', { email })}
              disabled={resending.loading || revoking.loading}
              onClick={() => void run(revoke, t('team.invitations.revoked', { email }))}
            >
              {revoking.loading ? t('team.invitations.revoking') : t('team.invitations.revoke')}
            </button>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}
