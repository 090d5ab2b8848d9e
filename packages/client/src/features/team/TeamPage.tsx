import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { OrganizationTeamDocument, useOrganizationTeamQuery } from '../../generated/graphql';
import type { ApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useErrorText } from '../../lib/useErrorText';
import { refreshPageSize, useKeepFresh } from '../../lib/useKeepFresh';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { OrganizationLoadProblem } from '../organizations/OrganizationLoadProblem';
import { mayManageMember, mayManageTeam } from '../organizations/roles';
import { useOrganizationId } from '../organizations/useOrganizationId';
import { joinedNoticeFrom } from '../invitations/joinedNotice';
import { InvitationRow } from './InvitationRow';
import { InviteDialog } from './InviteDialog';
import { LeaveOrganization } from './LeaveOrganization';
import { MemberRow } from './MemberRow';
import { SeatUse } from './SeatUse';

export const MEMBERS_PAGE_SIZE = 20;

/**
 * Team changes made here, whose effects may reach beyond the row they return (seats, an
 * invitee who accepted meanwhile). A transfer of ownership refetches the team itself.
 */
const TEAM_MUTATIONS = [
  'InviteTeamMember',
  'ResendInvitation',
  'RevokeInvitation',
  'ChangeMemberRole',
  'RemoveTeamMember',
];

/** Settings → Team: members and their roles, invitations, seats, leaving. */
export function TeamPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('team.title'));
  const organizationId = useOrganizationId();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const errorText = useErrorText();
  const { data, error, refetch, fetchMore } = useOrganizationTeamQuery({
    variables: { id: organizationId, first: MEMBERS_PAGE_SIZE },
  });
  const joinedNotice = joinedNoticeFrom(useLocation().state);
  const [status, setStatus] = useState<string | null>(() =>
    joinedNotice
      ? t(joinedNotice.alsoIn.length > 0 ? 'team.joinedAlsoIn' : 'team.joined', {
          organization: joinedNotice.joined,
          others: joinedNotice.alsoIn.join(', '),
        })
      : null,
  );
  const [alert, setAlert] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inviteButtonRef = useRef<HTMLButtonElement>(null);
  const organization = data?.organization;
  // Others change the team too (an invitee accepting, another admin): the page asks again
  // when it comes back into view, now and then, and after every team change made here.
  const shownMembers = organization?.members.edges.length ?? 0;
  useKeepFresh(
    OrganizationTeamDocument,
    () => ({ id: organizationId, first: refreshPageSize(shownMembers, MEMBERS_PAGE_SIZE) }),
    { afterMutations: TEAM_MUTATIONS },
  );

  // A row's button may be gone with its row, so focus moves to the heading.
  const done = useCallback((message: string) => {
    setAlert(null);
    setStatus(message);
    headingRef.current?.focus();
  }, []);
  const fail = useCallback(
    (apiError: ApiError) => {
      setStatus(null);
      setAlert(errorText(apiError));
    },
    [errorText],
  );

  async function showMore(after: string | null) {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after } });
    } catch {
      setAlert(t('team.loadMoreFailed'));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {organization ? t('team.titleFor', { name: organization.name }) : t('team.title')}
      </h1>
      {error && !organization && (
        <OrganizationLoadProblem error={error} retry={() => void refetch().catch(() => null)} />
      )}
      {!data && !error && <p className="muted">{t('app.loading')}</p>}
      {organization && (
        <>
          <FormAlert message={alert} />
          <p role="status" className="form-status">
            {status}
          </p>
          <section className="settings-section" aria-labelledby="members-title">
            <h2 id="members-title">{t('team.membersTitle')}</h2>
            <SeatUse used={organization.seatsUsed} limit={organization.seatLimit} />
            {mayManageTeam(organization.myRole) && (
              <button
                ref={inviteButtonRef}
                type="button"
                className="primary"
                onClick={() => setInviting(true)}
              >
                {t('team.invite.button')}
              </button>
            )}
            <table className="data-table" aria-labelledby="members-title">
              <thead>
                <tr>
                  <th scope="col">{t('team.columns.name')}</th>
                  <th scope="col">{t('team.columns.email')}</th>
                  <th scope="col">{t('team.columns.role')}</th>
                  <th scope="col">{t('team.columns.joined')}</th>
                  <th scope="col">{t('team.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {organization.members.edges.map(({ node }) => (
                  <MemberRow
                    key={node.id}
                    organizationId={organization.id}
                    member={node}
                    myRole={organization.myRole}
                    isMe={node.account.id === account.id}
                    formatDateTime={formatDateTime}
                    onDone={done}
                    onError={fail}
                  />
                ))}
              </tbody>
            </table>
            {organization.members.pageInfo.hasNextPage && (
              <button
                type="button"
                disabled={loadingMore}
                onClick={() => void showMore(organization.members.pageInfo.endCursor)}
              >
                {loadingMore ? t('app.loading') : t('team.showMore')}
              </button>
            )}
          </section>
          <section className="settings-section" aria-labelledby="invitations-title">
            <h2 id="invitations-title">{t('team.invitations.title')}</h2>
            {organization.invitations.length === 0 ? (
              <p className="muted">{t('team.invitations.none')}</p>
            ) : (
              <table className="data-table" aria-labelledby="invitations-title">
                <thead>
                  <tr>
                    <th scope="col">{t('team.columns.email')}</th>
                    <th scope="col">{t('team.columns.role')}</th>
                    <th scope="col">{t('team.columns.expires')}</th>
                    <th scope="col">{t('team.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {organization.invitations.map((invitation) => (
                    <InvitationRow
                      key={invitation.id}
                      organizationId={organization.id}
                      invitation={invitation}
                      canManage={mayManageMember(organization.myRole, invitation.role)}
                      formatDateTime={formatDateTime}
                      onDone={done}
                      onError={fail}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {organization.myRole !== 'OWNER' && (
            <section className="settings-section" aria-labelledby="leave-title">
              <h2 id="leave-title">{t('team.leave.sectionTitle')}</h2>
              <p className="intro">{t('team.leave.intro')}</p>
              <LeaveOrganization
                organizationId={organization.id}
                organizationName={organization.name}
                onError={fail}
              />
            </section>
          )}
          {inviting && (
            <InviteDialog
              organizationId={organization.id}
              myRole={organization.myRole}
              onInvited={(email) => {
                setInviting(false);
                setAlert(null);
                setStatus(t('team.invite.sent', { email }));
                inviteButtonRef.current?.focus();
              }}
              onCancel={() => {
                setInviting(false);
                inviteButtonRef.current?.focus();
              }}
            />
          )}
        </>
      )}
    </>
  );
}
