import { useState, type FormEvent } from 'react';
import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../components/FormAlert';
import { useChangePlanMutation, type PlanFieldsFragment } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { isNamedMetric, seatsFit } from './metrics';
import { useNumberFormat } from './useNumberFormat';

interface ChangePlanDialogProps {
  organizationId: string;
  currentPlan: string;
  seatsUsed: number;
  plans: ReadonlyArray<PlanFieldsFragment>;
  onChanged(plan: PlanFieldsFragment): void;
  onCancel(): void;
}

/**
 * The owner picks another plan and sees what it does before confirming: the seats in use
 * against the new plan's ("3 of 10 seats used → 3 of 3") and the limits that change. A plan
 * with fewer seats than members plus pending invitations cannot be chosen; the server refuses
 * it too.
 */
export function ChangePlanDialog(props: ChangePlanDialogProps) {
  const { organizationId, currentPlan, seatsUsed, plans, onChanged, onCancel } = props;
  const { t } = useTranslation();
  const number = useNumberFormat();
  const errorText = useErrorText();
  const current = plans.find((plan) => plan.code === currentPlan);
  const [chosen, setChosen] = useState(
    () => plans.find((plan) => plan.code !== currentPlan)?.code ?? currentPlan,
  );
  const [alert, setAlert] = useState<string | null>(null);
  const [changePlan, { loading }] = useChangePlanMutation();
  const next = plans.find((plan) => plan.code === chosen);
  const limitText = (limit: number | null) =>
    limit === null ? t('billing.unlimited') : number(limit);
  const fits = next ? seatsFit(seatsUsed, next.seatLimit) : false;
  const limitChanges = next ? changedLimits(current, next) : [];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!next || next.code === currentPlan || !fits) return;
    try {
      await changePlan({ variables: { organizationId, plan: next.code } });
      onChanged(next);
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <Dialog title={t('billing.change.title')} onCancel={onCancel} busy={loading}>
      {() => (
        <form noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert message={alert} />
          <fieldset className="choice-list plan-choices">
            <legend>{t('billing.change.plans')}</legend>
            {plans.map((plan) => (
              <label key={plan.code} className="choice">
                <input
                  type="radio"
                  name="plan"
                  value={plan.code}
                  checked={chosen === plan.code}
                  onChange={() => {
                    setChosen(plan.code);
                    setAlert(null);
                  }}
                />
                <span>
                  {plan.code === currentPlan
                    ? t('billing.change.currentOption', { plan: plan.name })
                    : plan.name}
                  <span className="cell-note">
                    {plan.seatLimit === null
                      ? t('billing.change.seatsUnlimited')
                      : t('billing.change.seats', { count: plan.seatLimit })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {next && next.code !== currentPlan && (
            <div className="plan-effect" aria-live="polite">
              <p className="seat-effect">
                {t('billing.change.seatEffect', {
                  from:
                    current?.seatLimit == null
                      ? t('billing.change.seatsFromUnlimited', { used: number(seatsUsed) })
                      : t('billing.change.seatsFrom', {
                          used: number(seatsUsed),
                          limit: number(current.seatLimit),
                        }),
                  to:
                    next.seatLimit === null
                      ? t('billing.change.seatsToUnlimited', { used: number(seatsUsed) })
                      : t('billing.change.seatsTo', {
                          used: number(seatsUsed),
                          limit: number(next.seatLimit),
                        }),
                })}
              </p>
              {limitChanges.length > 0 && (
                <ul className="limit-effects">
                  {limitChanges.map(({ metric, from, to }) => (
                    <li key={metric}>
                      {t('billing.change.limitEffect', {
                        metric: isNamedMetric(metric) ? t(`billing.metrics.${metric}`) : metric,
                        from: limitText(from),
                        to: limitText(to),
                      })}
                    </li>
                  ))}
                </ul>
              )}
              {!fits && (
                <p className="notice notice-warning">
                  <TriangleAlert aria-hidden="true" size={18} />
                  {t('billing.change.tooFewSeats', {
                    plan: next.name,
                    count: next.seatLimit ?? 0,
                    used: seatsUsed,
                  })}
                </p>
              )}
            </div>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} disabled={loading}>
              {t('app.cancel')}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={loading || !next || next.code === currentPlan || !fits}
            >
              {loading
                ? t('billing.change.changing')
                : t('billing.change.confirm', { plan: next?.name ?? '' })}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The metrics whose limit differs between two plans (null: unlimited), in the new plan's order. */
function changedLimits(
  from: PlanFieldsFragment | undefined,
  to: PlanFieldsFragment,
): Array<{ metric: string; from: number | null; to: number | null }> {
  const limitIn = (plan: PlanFieldsFragment | undefined, metric: string) =>
    plan?.limits.find((limit) => limit.metric === metric)?.limit ?? null;
  const metrics = [
    ...new Set([...to.limits, ...(from?.limits ?? [])].map((limit) => limit.metric)),
  ];
  return metrics
    .map((metric) => ({ metric, from: limitIn(from, metric), to: limitIn(to, metric) }))
    .filter((change) => change.from !== change.to);
}
