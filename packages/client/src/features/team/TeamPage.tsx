import { useCallback, useRef, useState } from 'react';
import { MailPlus, UserPlus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
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
  const toast = useToast();
  useDocumentTitle(t('team.title'));
  const organizationId = useOrganizationId();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const errorText = useErrorText();
  const { data, error, refetch, fetchMore } = useOrganizationTeamQuery({
    variables: { id: organizationId, first: MEMBERS_PAGE_SIZE },
  });
  // Arriving from an accepted invitation: the page says what was joined, and that the
  // switcher may now list more than one organization.
  const joinedNotice = joinedNoticeFrom(useLocation().state);
  const joinedText =
    joinedNotice &&
    t(joinedNotice.alsoIn.length > 0 ? 'team.joinedAlsoIn' : 'team.joined', {
      organization: joinedNotice.joined,
      others: joinedNotice.alsoIn.join(', '),
    });
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
  const done = useCallback(
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

  const inviteButton = organization && mayManageTeam(organization.myRole) && (
    <button
      ref={inviteButtonRef}
      type="button"
      className="primary"
      onClick={() => setInviting(true)}
    >
      <UserPlus aria-hidden="true" size={18} />
      {t('team.invite.button')}
    </button>
  );

  return (
    <>
      <PageHeader
        title={organization ? t('team.titleFor', { name: organization.name }) : t('team.title')}
        description={t('team.intro')}
        headingRef={headingRef}
        actions={inviteButton}
      />
      {error && !organization && (
        <OrganizationLoadProblem error={error} retry={() => void refetch().catch(() => null)} />
      )}
      {!data && !error && <Skeleton lines={6} />}
      {joinedText && (
        <p role="status" className="notice">
          {joinedText}
        </p>
      )}
      {organization && (
        <>
          <FormAlert message={alert} />
          <SectionCard
            titleId="members-title"
            title={t('team.membersTitle')}
            summary={<SeatUse used={organization.seatsUsed} limit={organization.seatLimit} />}
          >
            <ResponsiveTable
              labelledBy="members-title"
              cardsBelow={760}
              columns={[
                { key: 'name', label: t('team.columns.name') },
                { key: 'email', label: t('team.columns.email') },
                { key: 'role', label: t('team.columns.role') },
                { key: 'joined', label: t('team.columns.joined') },
                { key: 'actions', label: t('team.columns.actions'), actions: true },
              ]}
            >
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
            </ResponsiveTable>
            {organization.members.pageInfo.hasNextPage && (
              <button
                type="button"
                disabled={loadingMore}
                onClick={() => void showMore(organization.members.pageInfo.endCursor)}
              >
                {loadingMore ? t('app.loading') : t('team.showMore')}
              </button>
            )}
          </SectionCard>
          <SectionCard titleId="invitations-title" title={t('team.invitations.title')}>
            {organization.invitations.length === 0 ? (
              <EmptyState
                icon={MailPlus}
                title={t('team.invitations.none')}
                description={
                  mayManageTeam(organization.myRole) ? t('team.invitations.nextStep') : undefined
                }
              />
            ) : (
              <ResponsiveTable
                labelledBy="invitations-title"
                cardsBelow={720}
                columns={[
                  { key: 'email', label: t('team.columns.email') },
                  { key: 'role', label: t('team.columns.role') },
                  { key: 'status', label: t('team.columns.status') },
                  { key: 'expires', label: t('team.columns.expires') },
                  { key: 'actions', label: t('team.columns.actions'), actions: true },
                ]}
              >
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
              </ResponsiveTable>
            )}
          </SectionCard>
          {organization.myRole !== 'OWNER' && (
            <SectionCard
              titleId="leave-title"
              title={t('team.leave.sectionTitle')}
              description={t('team.leave.intro')}
            >
              <LeaveOrganization
                organizationId={organization.id}
                organizationName={organization.name}
                onError={fail}
              />
            </SectionCard>
          )}
          {inviting && (
            <InviteDialog
              organizationId={organization.id}
              myRole={organization.myRole}
              onInvited={(email) => {
                setInviting(false);
                setAlert(null);
                toast(t('team.invite.sent', { email }));
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
