import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import type { OrganizationPlanQuery } from '../../generated/graphql';
import { isNamedMetric, lastMomentBefore, percentOfLimit } from './metrics';
import { useNumberFormat } from './useNumberFormat';

type Counter = NonNullable<OrganizationPlanQuery['organization']>['usage'][number];

interface UsageSectionProps {
  usage: ReadonlyArray<Counter>;
  cycleEnd: string;
  formatDay: (iso: string) => string;
  formatDateTime: (iso: string) => string;
}

/** Use per metric this cycle: a bar against the plan's limit, and where the month is heading. */
export function UsageSection({ usage, cycleEnd, formatDay, formatDateTime }: UsageSectionProps) {
  const { t } = useTranslation();
  const asOf = usage[0]?.asOf;
  // On the cycle's first day no metric has a forecast yet: one note says so for all.
  const noForecastYet = usage.every((counter) => counter.forecast === null);
  return (
    <SectionCard
      titleId="usage-title"
      title={t('billing.usage.title')}
      description={t('billing.usage.intro')}
    >
      <ul className="usage-list" aria-labelledby="usage-title">
        {usage.map((counter) => (
          <UsageItem
            key={counter.metric}
            counter={counter}
            end={formatDay(lastMomentBefore(cycleEnd))}
            showForecast={!noForecastYet}
          />
        ))}
      </ul>
      {noForecastYet && <p className="field-hint">{t('billing.usage.forecastLater')}</p>}
      {asOf && (
        <p className="field-hint">{t('billing.usage.asOf', { time: formatDateTime(asOf) })}</p>
      )}
    </SectionCard>
  );
}

interface UsageItemProps {
  counter: Counter;
  /** The cycle's last day, as the forecast names it. */
  end: string;
  showForecast: boolean;
}

function UsageItem({ counter, end, showForecast }: UsageItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const number = useNumberFormat();
  const { metric, quantity, limit, forecast } = counter;
  const name = isNamedMetric(metric) ? t(`billing.metrics.${metric}`) : metric;
  const percent = percentOfLimit(quantity, limit);
  const amount =
    limit === null
      ? t('billing.usage.noLimit', { used: number(quantity) })
      : t('billing.usage.ofLimit', { used: number(quantity), limit: number(limit), percent });
  const over = limit !== null && forecast !== null && forecast > limit;
  return (
    <li className="usage-item">
      <div className="usage-head">
        <span id={`${id}-name`} className="usage-name">
          {name}
        </span>
        <span className="usage-amount">{amount}</span>
      </div>
      {limit !== null && (
        <meter
          className="usage-meter"
          min={0}
          max={Math.max(limit, 1)}
          low={limit * 0.75}
          high={limit * 0.9}
          optimum={0}
          value={Math.min(quantity, Math.max(limit, 1))}
          aria-labelledby={`${id}-name`}
          aria-valuetext={amount}
        />
      )}
      {showForecast && forecast !== null && (
        <p className={over ? 'usage-forecast usage-forecast-over' : 'usage-forecast'}>
          {t(over ? 'billing.usage.forecastOver' : 'billing.usage.forecast', {
            value: number(forecast),
            end,
          })}
        </p>
      )}
    </li>
  );
}
