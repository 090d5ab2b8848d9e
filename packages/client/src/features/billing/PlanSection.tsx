import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import type { OrganizationPlanQuery, PlanFieldsFragment } from '../../generated/graphql';
import { SeatUse } from '../team/SeatUse';
import { lastMomentBefore } from './metrics';

type Organization = NonNullable<OrganizationPlanQuery['organization']>;

interface PlanSectionProps {
  organization: Organization;
  plan: PlanFieldsFragment | undefined;
  formatDay: (iso: string) => string;
  changeButtonRef: Ref<HTMLButtonElement>;
  onChange(): void;
}

/** The plan card: which plan, the seats it includes and uses, the cycle; the owner changes it. */
export function PlanSection(props: PlanSectionProps) {
  const { organization, plan, formatDay, changeButtonRef, onChange } = props;
  const { t } = useTranslation();
  const owner = organization.myRole === 'OWNER';
  return (
    <SectionCard
      titleId="plan-title"
      title={t('billing.plan.title')}
      description={t('billing.plan.intro')}
      summary={
        <p className="plan-name">
          {t('billing.plan.current', { plan: plan?.name ?? organization.plan })}
        </p>
      }
      actions={
        owner && (
          <button ref={changeButtonRef} type="button" className="primary" onClick={onChange}>
            {t('billing.plan.change')}
          </button>
        )
      }
    >
      <SeatUse used={organization.seatsUsed} limit={organization.seatLimit} />
      <p>
        {t('billing.plan.cycle', {
          start: formatDay(organization.billingCycleStart),
          end: formatDay(lastMomentBefore(organization.billingCycleEnd)),
          zone: organization.billingTimeZone,
        })}
      </p>
      {!owner && <p className="field-hint">{t('billing.plan.ownerChanges')}</p>}
    </SectionCard>
  );
}
