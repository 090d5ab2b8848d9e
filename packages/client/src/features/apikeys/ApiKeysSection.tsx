import { KeyRound, Lock } from 'lucide-react';
import { useCallback, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toast';
import {
  OrganizationApiKeysDocument,
  type ApiKeyFieldsFragment,
  type Role,
} from '../../generated/graphql';
import type { ApiError } from '../../lib/apiError';
import { useDateFormat, useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useKeepFresh } from '../../lib/useKeepFresh';
import { ApiKeyRow } from './ApiKeyRow';

interface ApiKeysSectionProps {
  organizationId: string;
  apiKeys: ReadonlyArray<ApiKeyFieldsFragment>;
  timeZone: string;
  /** The page title, where focus goes when the button that had it is gone with its action. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCreate(): void;
}

/** The organization's keys, newest first, for its OWNER and ADMINs to roll and revoke. */
export function ApiKeysSection(props: ApiKeysSectionProps) {
  const { organizationId, apiKeys, timeZone, headingRef, onCreate } = props;
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const formatDateTime = useDateTimeFormat(timeZone);
  const formatDate = useDateFormat(timeZone);
  const [alert, setAlert] = useState<string | null>(null);
  // Tools use the keys and other admins change them: "last used" and the list are asked again
  // when the page comes back into view and now and then (this page's changes update the cache).
  useKeepFresh(OrganizationApiKeysDocument, () => ({ id: organizationId }), {
    afterMutations: [],
  });
  // Badges are read against the time the list was drawn ("expires soon", "old secret until").
  const now = Date.now();

  const done = useCallback(
    (message: string) => {
      setAlert(null);
      toast(message);
      headingRef.current?.focus();
    },
    [toast, headingRef],
  );
  const fail = useCallback((error: ApiError) => setAlert(errorText(error)), [errorText]);

  return (
    <SectionCard titleId="api-keys-title" title={t('apiKeys.listTitle')}>
      <FormAlert message={alert} />
      {apiKeys.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title={t('apiKeys.none')}
          description={t('apiKeys.noneNextStep')}
          action={
            <button type="button" className="primary" onClick={onCreate}>
              {t('apiKeys.create')}
            </button>
          }
        />
      ) : (
        <ResponsiveTable
          labelledBy="api-keys-title"
          cardsBelow={760}
          columns={[
            { key: 'key', label: t('apiKeys.columns.key') },
            { key: 'scopes', label: t('apiKeys.columns.scopes') },
            { key: 'created', label: t('apiKeys.columns.created') },
            { key: 'expires', label: t('apiKeys.columns.expires') },
            { key: 'lastUsed', label: t('apiKeys.columns.lastUsed') },
            { key: 'actions', label: t('apiKeys.columns.actions'), actions: true },
          ]}
        >
          {apiKeys.map((apiKey) => (
            <ApiKeyRow
              key={apiKey.id}
              apiKey={apiKey}
              now={now}
              formatDateTime={formatDateTime}
              formatDate={formatDate}
              onDone={done}
              onError={fail}
            />
          ))}
        </ResponsiveTable>
      )}
    </SectionCard>
  );
}

/** What a member who may not see the keys reads instead: who can, and what keys are for. */
export function ApiKeysUnavailable({
  organizationName,
  myRole,
}: {
  organizationName: string;
  myRole: Role;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard titleId="api-keys-title" title={t('apiKeys.listTitle')}>
      <EmptyState
        icon={Lock}
        title={t('apiKeys.readOnly.title')}
        description={t('apiKeys.readOnly.body', { name: organizationName, role: myRole })}
      />
    </SectionCard>
  );
}
