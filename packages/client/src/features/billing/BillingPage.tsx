import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { OrganizationPlanDocument, useOrganizationPlanQuery } from '../../generated/graphql';
import { useDateFormat, useDateTimeFormat } from '../../lib/dateTime';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useKeepFresh } from '../../lib/useKeepFresh';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { OrganizationLoadProblem } from '../organizations/OrganizationLoadProblem';
import { mayEditOrganization } from '../organizations/roles';
import { useOrganizationId } from '../organizations/useOrganizationId';
import { BillingRecords } from './BillingRecords';
import { ChangePlanDialog } from './ChangePlanDialog';
import { PlanSection } from './PlanSection';
import { UsageSection } from './UsageSection';

/**
 * Settings → Plan & billing: the plan with its seats and cycle, usage this cycle against the
 * plan's limits with a forecast, and for OWNER and ADMIN the wallet balance and invoices. The
 * owner changes plan here, seeing the effect on seats first.
 */
export function BillingPage() {
  const { t } = useTranslation();
  const toast = useToast();
  useDocumentTitle(t('billing.title'));
  const organizationId = useOrganizationId();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const formatDay = useDateFormat(account.timezone);
  const { data, error, refetch } = useOrganizationPlanQuery({ variables: { id: organizationId } });
  // Usage grows all the time (API requests, services' reports): ask again now and then.
  useKeepFresh(OrganizationPlanDocument, () => ({ id: organizationId }), {
    afterMutations: ['ChangePlan', 'InviteTeamMember', 'RevokeInvitation', 'RemoveTeamMember'],
  });
  const [changing, setChanging] = useState(false);
  const changeButtonRef = useRef<HTMLButtonElement>(null);
  const organization = data?.organization;
  const plans = data?.plans ?? [];
  // Cycle days read in the zone the cycle follows (the owner's), which the page names.
  const formatCycleDay = useDateFormat(organization?.billingTimeZone ?? account.timezone);

  const closeDialog = () => {
    setChanging(false);
    changeButtonRef.current?.focus();
  };

  return (
    <>
      <PageHeader
        title={
          organization ? t('billing.titleFor', { name: organization.name }) : t('billing.title')
        }
        description={t('billing.intro')}
      />
      {error && !organization && (
        <OrganizationLoadProblem error={error} retry={() => void refetch().catch(() => null)} />
      )}
      {!data && !error && <Skeleton lines={6} />}
      {organization && (
        <>
          <PlanSection
            organization={organization}
            plan={plans.find((plan) => plan.code === organization.plan)}
            formatDay={formatCycleDay}
            changeButtonRef={changeButtonRef}
            onChange={() => setChanging(true)}
          />
          <UsageSection
            usage={organization.usage}
            cycleEnd={organization.billingCycleEnd}
            formatDay={formatCycleDay}
            formatDateTime={formatDateTime}
          />
          {mayEditOrganization(organization.myRole) && (
            <BillingRecords
              organizationId={organization.id}
              formatDay={formatDay}
              formatDateTime={formatDateTime}
            />
          )}
          {changing && (
            <ChangePlanDialog
              organizationId={organization.id}
              currentPlan={organization.plan}
              seatsUsed={organization.seatsUsed}
              plans={plans}
              onChanged={(plan) => {
                closeDialog();
                toast(t('billing.change.done', { plan: plan.name }));
              }}
              onCancel={closeDialog}
            />
          )}
        </>
      )}
    </>
  );
}
