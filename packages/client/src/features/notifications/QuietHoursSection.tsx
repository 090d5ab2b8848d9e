import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { EditableSection } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { useMyQuietHoursQuery, useSetQuietHoursMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { useCurrentAccount } from '../auth/CurrentAccount';

/** Quiet hours: email and SMS wait until they end, in my time zone; security notices do not. */
export function QuietHoursSection() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const { data } = useMyQuietHoursQuery();
  const hours = data?.myQuietHours ?? null;
  const summary = !data ? (
    <Skeleton lines={1} />
  ) : (
    <p>
      {hours
        ? t('notifications.quietHoursSummary', {
            start: hours.start,
            end: hours.end,
            timezone: hours.timezone,
          })
        : t('notifications.quietHoursOff')}
    </p>
  );
  return (
    <EditableSection
      titleId="quiet-hours-title"
      title={t('notifications.quietHoursTitle')}
      description={t('notifications.quietHoursIntro', { timezone: account.timezone })}
      summary={summary}
    >
      {(close) => <QuietHoursForm start={hours?.start} end={hours?.end} onClose={close} />}
    </EditableSection>
  );
}

function QuietHoursForm(props: { start?: string; end?: string; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const form = useFormFields({ start: props.start ?? '22:00', end: props.end ?? '07:00' });
  const [save, { loading }] = useSetQuietHoursMutation({
    update(cache, result) {
      cache.modify({ fields: { myQuietHours: () => result.data?.setQuietHours ?? null } });
    },
  });

  async function submit(input: { start: string; end: string } | null) {
    if (input && !form.check(['start', 'end'])) return;
    try {
      await save({ variables: { input } });
      toast(t(input ? 'notifications.quietHoursSaved' : 'notifications.quietHoursRemoved'));
      props.onClose();
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
        void submit(form.values);
      }}
    >
      <FormAlert message={form.alert} />
      <div className="field-pair">
        <TextField
          label={t('notifications.quietHoursStart')}
          name="start"
          type="time"
          required
          {...form.bind('start')}
        />
        <TextField
          label={t('notifications.quietHoursEnd')}
          name="end"
          type="time"
          required
          {...form.bind('end')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {t('notifications.save')}
        </button>
        {props.start && (
          <button type="button" disabled={loading} onClick={() => void submit(null)}>
            {t('notifications.quietHoursTurnOff')}
          </button>
        )}
        <button type="button" onClick={props.onClose} disabled={loading}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
