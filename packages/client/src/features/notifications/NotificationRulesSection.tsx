import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import {
  OrganizationNotificationRulesDocument,
  useOrganizationNotificationRulesQuery,
  useUpdateNotificationRulesMutation,
  type Role,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { mayEditOrganization } from '../organizations/roles';
import { PreferenceMatrix } from './PreferenceMatrix';

/**
 * Organization → Notification rules (OWNER and ADMIN): the defaults of the workspace's members;
 * each person's own choice still wins. Nothing for other roles.
 */
export function NotificationRulesSection({
  organizationId,
  myRole,
}: {
  organizationId: string;
  myRole: Role | null;
}) {
  if (!myRole || !mayEditOrganization(myRole)) return null;
  return <RulesCard organizationId={organizationId} />;
}

function RulesCard({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const { data, error } = useOrganizationNotificationRulesQuery({
    variables: { id: organizationId },
  });
  const [update, { loading, error: saveError }] = useUpdateNotificationRulesMutation();
  const organization = data?.organization;
  const problem = error ?? saveError;
  return (
    <SectionCard
      titleId="notification-rules-title"
      title={t('notifications.rulesTitle')}
      description={t('notifications.rulesIntro')}
    >
      {problem && <FormAlert message={errorText(toApiError(problem))} />}
      {!data && !error && <Skeleton lines={8} />}
      {organization && (
        <PreferenceMatrix
          idPrefix="workspace-rules"
          personal={false}
          cells={organization.notificationRules}
          busy={loading}
          onChange={(cell, enabled) => {
            void update({
              variables: {
                input: {
                  organizationId,
                  rules: [{ type: cell.type, channel: cell.channel, enabled }],
                },
              },
              update(cache, result) {
                const rules = result.data?.updateNotificationRules;
                if (!rules) return;
                cache.writeQuery({
                  query: OrganizationNotificationRulesDocument,
                  variables: { id: organizationId },
                  data: { organization: { ...organization, notificationRules: rules } },
                });
              },
            })
              .then(() => toast(t('notifications.rulesSaved')))
              .catch(() => null);
          }}
        />
      )}
    </SectionCard>
  );
}
