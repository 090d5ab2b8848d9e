import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useInviteTeamMemberMutation, type Role } from '../../generated/graphql';
import { planLimitOf } from '../../lib/apiError';
import { useFormFields } from '../../lib/useFormFields';
import { grantableRoles } from '../organizations/roles';
import { addInvitationToTeam } from './teamCache';

interface InviteDialogProps {
  organizationId: string;
  myRole: Role;
  onInvited(email: string): void;
  onCancel(): void;
}

/** Invites someone by email with a role the inviter may grant. */
export function InviteDialog({ organizationId, myRole, onInvited, onCancel }: InviteDialogProps) {
  const { t } = useTranslation();
  const roles = grantableRoles(myRole);
  const defaultRole: Role = roles.includes('MEMBER')
    ? 'MEMBER'
    : (roles[roles.length - 1] ?? 'VIEWER');
  const form = useFormFields<{ email: string; role: Role }>({ email: '', role: defaultRole });
  const { values, fieldErrors } = form;
  const [invite, { loading }] = useInviteTeamMemberMutation({
    update(cache, { data }) {
      const ref = data && cache.identify(data.inviteTeamMember);
      if (ref) addInvitationToTeam(cache, organizationId, { __ref: ref });
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['email'])) return;
    const email = values.email.trim();
    try {
      await invite({ variables: { input: { organizationId, email, role: values.role } } });
      onInvited(email);
    } catch (error) {
      form.fail(error);
      const limit = planLimitOf(error);
      if (limit !== null) form.setAlert(t('team.invite.planLimit', { count: limit }));
    }
  }

  return (
    <Dialog title={t('team.invite.title')} onCancel={onCancel} busy={loading}>
      {() => (
        <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert message={form.alert} />
          <TextField
            label={t('team.invite.email')}
            name="email"
            type="email"
            autoComplete="off"
            required
            {...form.bind('email')}
          />
          <SelectField
            label={t('team.invite.role')}
            name="role"
            value={values.role}
            onChange={(event) => {
              const role = roles.find((option) => option === event.target.value);
              if (role) form.update('role', role);
            }}
            error={fieldErrors.role}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} disabled={loading}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="primary" disabled={loading}>
              {loading ? t('team.invite.sending') : t('team.invite.send')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
