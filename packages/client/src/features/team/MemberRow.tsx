import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TableCell, TableRow } from '../../components/ResponsiveTable';
import {
  useChangeMemberRoleMutation,
  useRemoveTeamMemberMutation,
  useTransferOwnershipMutation,
  type Role,
  type TeamMemberFieldsFragment,
} from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { grantableRoles, mayManageMember } from '../organizations/roles';
import { removeMemberFromTeam } from './teamCache';

interface MemberRowProps {
  organizationId: string;
  member: TeamMemberFieldsFragment;
  myRole: Role;
  isMe: boolean;
  formatDateTime: (iso: string) => string;
  onDone(message: string): void;
  onError(error: ApiError): void;
}

type Confirming = 'remove' | 'transfer' | null;

/** One member: who, their role (changeable by those who may), when they joined, actions. */
export function MemberRow(props: MemberRowProps) {
  const { organizationId, member, myRole, isMe, formatDateTime, onDone, onError } = props;
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const name = member.account.fullName || member.account.email;
  const manageable = !isMe && mayManageMember(myRole, member.role);
  const roleOptions = manageable ? grantableRoles(myRole) : [member.role];
  const [changeRole, changing] = useChangeMemberRoleMutation();
  const [removeMember, removing] = useRemoveTeamMemberMutation({
    variables: { memberId: member.id },
    update: (cache) => removeMemberFromTeam(cache, organizationId, member.id),
  });
  const [transfer, transferring] = useTransferOwnershipMutation({
    variables: { memberId: member.id },
    // The previous owner is an ADMIN now: every view of the team and its roles is stale.
    refetchQueries: ['OrganizationTeam', 'MyOrganizations'],
    awaitRefetchQueries: true,
  });

  async function chooseRole(role: Role) {
    try {
      await changeRole({ variables: { input: { memberId: member.id, role } } });
      onDone(t('team.roleChanged', { name, role: t(`roles.${role}`) }));
    } catch (error) {
      onError(toApiError(error));
    }
  }

  async function run(action: () => Promise<unknown>, message: string) {
    try {
      await action();
      setConfirming(null);
      onDone(message);
    } catch (error) {
      setConfirming(null);
      onError(toApiError(error));
    }
  }

  return (
    <TableRow>
      <TableCell column="name" primary>
        {member.account.fullName}
      </TableCell>
      <TableCell column="email">{member.account.email}</TableCell>
      <TableCell column="role">
        <select
          aria-label={t('team.roleFor', { name })}
          value={member.role}
          disabled={!manageable || changing.loading}
          onChange={(event) => {
            const role = roleOptions.find((option) => option === event.target.value);
            if (role) void chooseRole(role);
          }}
        >
          {roleOptions.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </TableCell>
      <TableCell column="joined">
        <time dateTime={member.joinedAt}>{formatDateTime(member.joinedAt)}</time>
      </TableCell>
      <TableCell column="actions">
        {manageable && (
          <button
            type="button"
            aria-label={t('team.removeMember', { name })}
            onClick={() => setConfirming('remove')}
          >
            {t('team.remove')}
          </button>
        )}
        {myRole === 'OWNER' && !isMe && (
          <button
            type="button"
            aria-label={t('team.transferTo', { name })}
            onClick={() => setConfirming('transfer')}
          >
            {t('team.transfer')}
          </button>
        )}
        {confirming === 'remove' && (
          <ConfirmDialog
            title={t('team.removeTitle', { name })}
            body={t('team.removeBody')}
            confirmLabel={t('team.remove')}
            cancelLabel={t('app.cancel')}
            busyLabel={t('team.removing')}
            busy={removing.loading}
            onConfirm={() => void run(removeMember, t('team.removed', { name }))}
            onCancel={() => setConfirming(null)}
          />
        )}
        {confirming === 'transfer' && (
          <ConfirmDialog
            title={t('team.transferTitle', { name })}
            body={t('team.transferBody', { name })}
            confirmLabel={t('team.transferConfirm')}
            cancelLabel={t('app.cancel')}
            busyLabel={t('team.transferring')}
            busy={transferring.loading}
            onConfirm={() => void run(transfer, t('team.transferred', { name }))}
            onCancel={() => setConfirming(null)}
          />
        )}
      </TableCell>
    </TableRow>
  );
}
