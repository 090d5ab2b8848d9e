import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { LoadingScreen } from '../../components/LoadingScreen';
import {
  MyOrganizationsDocument,
  useAcceptInvitationMutation,
  useInvitationByTokenQuery,
  useMeQuery,
  type InvitationByTokenQuery,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useErrorText } from '../../lib/useErrorText';
import { AuthLayout } from '../auth/AuthLayout';
import { organizationPath } from '../organizations/organizationPaths';
import { rememberOrganization } from '../organizations/rememberedOrganization';
import { joinedNoticeState } from './joinedNotice';

type Preview = NonNullable<InvitationByTokenQuery['invitationByToken']>;

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * /invitations/accept?token=…, from the invitation mail. Works signed out (links to log in or
 * sign up that come back here) and signed in (accepts, if the address is the invited one).
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('acceptInvitation.title'));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const me = useMeQuery();
  const preview = useInvitationByTokenQuery({ variables: { token }, skip: !token });

  const loading = (!me.data && !me.error) || (Boolean(token) && !preview.data && !preview.error);
  if (loading) return <LoadingScreen />;

  const invitation = preview.data?.invitationByToken ?? null;
  return (
    <AuthLayout title={t('acceptInvitation.title')}>
      {preview.error ? (
        <FormAlert message={t('app.loadFailed')} />
      ) : !invitation ? (
        <FormAlert message={t('acceptInvitation.badLink')} />
      ) : invitation.status !== 'PENDING' ? (
        <>
          <InvitationSummary invitation={invitation} />
          <FormAlert message={t(`acceptInvitation.status.${invitation.status}`)} />
        </>
      ) : (
        <>
          <InvitationSummary invitation={invitation} />
          <NextStep
            token={token}
            invitation={invitation}
            signedInEmail={me.data?.me?.email ?? null}
          />
        </>
      )}
    </AuthLayout>
  );
}

function InvitationSummary({ invitation }: { invitation: Preview }) {
  const { t } = useTranslation();
  const role = t(`roles.${invitation.role}`);
  return (
    <>
      <p>
        {invitation.invitedByName
          ? t('acceptInvitation.invitedBy', {
              name: invitation.invitedByName,
              organization: invitation.organizationName,
              role,
            })
          : t('acceptInvitation.invited', { organization: invitation.organizationName, role })}
      </p>
      <dl className="read-only-values">
        <div>
          <dt>{t('acceptInvitation.organization')}</dt>
          <dd>{invitation.organizationName}</dd>
        </div>
        <div>
          <dt>{t('acceptInvitation.role')}</dt>
          <dd>{role}</dd>
        </div>
        <div>
          <dt>{t('acceptInvitation.email')}</dt>
          <dd>{invitation.email}</dd>
        </div>
      </dl>
    </>
  );
}

interface NextStepProps {
  token: string;
  invitation: Preview;
  signedInEmail: string | null;
}

function NextStep({ token, invitation, signedInEmail }: NextStepProps) {
  const { t } = useTranslation();
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;

  if (signedInEmail === null) {
    const next = encodeURIComponent(here);
    const email = encodeURIComponent(invitation.email);
    return (
      <>
        <p>{t('acceptInvitation.signedOut')}</p>
        <p className="muted">{t('acceptInvitation.ownOrganization')}</p>
        <p className="switch-auth">
          <Link to={`/signup?next=${next}&email=${email}`}>{t('acceptInvitation.signUp')}</Link>
        </p>
        <p className="switch-auth">
          <Link to={`/login?next=${next}`}>{t('acceptInvitation.logIn')}</Link>
        </p>
      </>
    );
  }
  if (!sameAddress(signedInEmail, invitation.email)) {
    return (
      <FormAlert
        message={t('acceptInvitation.otherAccount', {
          invited: invitation.email,
          current: signedInEmail,
        })}
      />
    );
  }
  return <AcceptButton token={token} />;
}

function AcceptButton({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [accept, { loading, error }] = useAcceptInvitationMutation({ variables: { token } });

  async function myOrganizations(): Promise<Array<{ id: string; name: string }> | null> {
    try {
      const { data } = await client.query({
        query: MyOrganizationsDocument,
        fetchPolicy: 'network-only',
      });
      return data ? data.myOrganizations : null;
    } catch {
      return null;
    }
  }

  async function handleAccept() {
    // The membership the server returns does not name its organization: it is the one that
    // was not in my list before.
    const before = await myOrganizations();
    try {
      await accept();
    } catch {
      return; // the mutation's error is shown above the button
    }
    const after = await myOrganizations();
    const joined = before && after?.find((org) => !before.some((known) => known.id === org.id));
    if (!joined) return void navigate('/settings/team');
    rememberOrganization(joined.id);
    const alsoIn = (after ?? []).filter((org) => org.id !== joined.id).map((org) => org.name);
    await navigate(organizationPath('team', joined.id), {
      state: joinedNoticeState({ joined: joined.name, alsoIn }),
    });
  }

  return (
    <>
      <FormAlert message={error ? errorText(toApiError(error)) : null} />
      <button
        type="button"
        className="primary"
        disabled={loading}
        onClick={() => void handleAccept()}
      >
        {loading ? t('acceptInvitation.accepting') : t('acceptInvitation.accept')}
      </button>
    </>
  );
}
