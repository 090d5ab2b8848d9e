import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import {
  MyNotificationPreferencesDocument,
  useMyNotificationPreferencesQuery,
  useUpdateNotificationPreferencesMutation,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { PreferenceMatrix } from './PreferenceMatrix';

/** Settings → Notifications: my matrix; each change saves at once. */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const { data, error } = useMyNotificationPreferencesQuery();
  const [update, { loading, error: saveError }] = useUpdateNotificationPreferencesMutation();

  return (
    <SectionCard
      titleId="notification-matrix-title"
      title={t('notifications.matrixTitle')}
      description={t('notifications.matrixIntro')}
    >
      {(error ?? saveError) && <FormAlert message={errorText(toApiError(error ?? saveError))} />}
      {!data && !error && <Skeleton lines={8} />}
      {data && (
        <PreferenceMatrix
          idPrefix="my-notifications"
          personal
          cells={data.myNotificationPreferences}
          busy={loading}
          onChange={(cell, enabled) => {
            void update({
              variables: { input: [{ type: cell.type, channel: cell.channel, enabled }] },
              update(cache, result) {
                const matrix = result.data?.updateNotificationPreferences;
                if (matrix) {
                  cache.writeQuery({
                    query: MyNotificationPreferencesDocument,
                    data: { myNotificationPreferences: matrix },
                  });
                }
              },
            })
              .then(() => toast(t('notifications.saved')))
              .catch(() => null);
          }}
        />
      )}
    </SectionCard>
  );
}
