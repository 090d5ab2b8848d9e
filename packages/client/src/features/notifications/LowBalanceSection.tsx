import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { EditableSection } from '../../components/SectionCard';
import { useToast } from '../../components/Toast';
import {
  MyLowBalanceAlertsDocument,
  useMyLowBalanceAlertsQuery,
  useSetLowBalanceThresholdMutation,
  type MyLowBalanceAlertsQuery,
} from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';

type Alert = MyLowBalanceAlertsQuery['myLowBalanceAlerts'][number];

/**
 * The low-credit alert: one threshold per organization whose wallet I may see (OWNER, ADMIN).
 * Nothing is shown to people who may not set one.
 */
export function LowBalanceSection() {
  const { data } = useMyLowBalanceAlertsQuery();
  const alerts = data?.myLowBalanceAlerts ?? [];
  return (
    <>
      {alerts.map((alert) => (
        <LowBalanceCard key={alert.organizationId} alert={alert} several={alerts.length > 1} />
      ))}
    </>
  );
}

function LowBalanceCard({ alert, several }: { alert: Alert; several: boolean }) {
  const { t, i18n } = useTranslation();
  const amount = (value: number) =>
    new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2 }).format(value);
  const title = several
    ? t('notifications.lowBalanceTitleIn', { organization: alert.organizationName })
    : t('notifications.lowBalanceTitle');
  return (
    <EditableSection
      titleId={`low-balance-${alert.organizationId}`}
      title={title}
      description={t('notifications.lowBalanceIntro')}
      summary={
        <p>
          {alert.threshold === null
            ? t('notifications.lowBalanceOff')
            : t('notifications.lowBalanceSummary', { amount: amount(alert.threshold) })}
        </p>
      }
    >
      {(close) => <LowBalanceForm alert={alert} onClose={close} />}
    </EditableSection>
  );
}

function LowBalanceForm({ alert, onClose }: { alert: Alert; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const form = useFormFields({
    threshold: alert.threshold === null ? '' : String(alert.threshold),
  });
  const [save, { loading }] = useSetLowBalanceThresholdMutation({
    update(cache, result) {
      const saved = result.data?.setLowBalanceThreshold;
      if (!saved) return;
      cache.updateQuery({ query: MyLowBalanceAlertsDocument }, (data) =>
        data
          ? {
              myLowBalanceAlerts: data.myLowBalanceAlerts.map((item) =>
                item.organizationId === saved.organizationId ? saved : item,
              ),
            }
          : data,
      );
    },
  });

  async function submit(threshold: number | null) {
    const text = form.values.threshold.trim();
    if (threshold !== null && (text === '' || !Number.isFinite(threshold))) {
      form.check([], {
        threshold: t('errors.reasons.LOW_BALANCE_THRESHOLD_INVALID', { max: '1,000,000,000' }),
      });
      return;
    }
    try {
      await save({ variables: { input: { organizationId: alert.organizationId, threshold } } });
      toast(
        t(threshold === null ? 'notifications.lowBalanceRemoved' : 'notifications.lowBalanceSaved'),
      );
      onClose();
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form
      ref={form.formRef}
      className="settings-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(Number(form.values.threshold.replace(',', '.')));
      }}
    >
      <FormAlert message={form.alert} />
      <TextField
        label={t('notifications.lowBalanceAmount')}
        name="threshold"
        inputMode="decimal"
        hint={t('notifications.lowBalanceHint')}
        {...form.bind('threshold')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {t('notifications.save')}
        </button>
        {alert.threshold !== null && (
          <button type="button" disabled={loading} onClick={() => void submit(null)}>
            {t('notifications.lowBalanceTurnOff')}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={loading}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
