import { useCallback, useRef, useState } from 'react';
import { Plus, Webhook } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import {
  useOrganizationWebhooksQuery,
  useWebhookEndpointsQuery,
  type WebhookEndpointFieldsFragment,
} from '../../generated/graphql';
import type { ApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { OrganizationLoadProblem } from '../organizations/OrganizationLoadProblem';
import { mayEditOrganization } from '../organizations/roles';
import { useOrganizationId } from '../organizations/useOrganizationId';
import { EndpointDetails } from './EndpointDetails';
import { EndpointDialog } from './EndpointDialog';
import { EndpointRow } from './EndpointRow';
import { SecretDialog } from './SecretDialog';

type Dialogs =
  | { kind: 'add' }
  | { kind: 'edit'; endpoint: WebhookEndpointFieldsFragment }
  | { kind: 'created'; secret: string };

/**
 * Settings → Webhooks: the organization's endpoints with their health; one opened shows its
 * secret and delivery log. OWNER and ADMIN manage them; others are told who can.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const toast = useToast();
  useDocumentTitle(t('webhooks.title'));
  const organizationId = useOrganizationId();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const errorText = useErrorText();
  const organizationQuery = useOrganizationWebhooksQuery({ variables: { id: organizationId } });
  const organization = organizationQuery.data?.organization;
  const manages = organization ? mayEditOrganization(organization.myRole) : false;
  const { data } = useWebhookEndpointsQuery({
    variables: { id: organizationId },
    skip: !manages,
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const endpoints = data?.organization?.webhookEndpoints;
  const opened = endpoints?.find((endpoint) => endpoint.id === openId) ?? null;

  const done = useCallback(
    (message: string) => {
      setAlert(null);
      toast(message);
    },
    [toast],
  );
  const fail = useCallback((error: ApiError) => setAlert(errorText(error)), [errorText]);
  const closeDialog = () => {
    setDialog(null);
    addButtonRef.current?.focus();
  };

  const addButton = manages && (
    <button
      ref={addButtonRef}
      type="button"
      className="primary"
      onClick={() => setDialog({ kind: 'add' })}
    >
      <Plus aria-hidden="true" size={18} />
      {t('webhooks.add')}
    </button>
  );

  return (
    <>
      <PageHeader
        title={
          organization ? t('webhooks.titleFor', { name: organization.name }) : t('webhooks.title')
        }
        description={t('webhooks.intro')}
        headingRef={headingRef}
        actions={addButton}
      />
      {organizationQuery.error && !organization && (
        <OrganizationLoadProblem
          error={organizationQuery.error}
          retry={() => void organizationQuery.refetch().catch(() => null)}
        />
      )}
      {(!organization || (manages && !data)) && !organizationQuery.error && <Skeleton lines={6} />}
      {organization && !manages && (
        <SectionCard titleId="endpoints-title" title={t('webhooks.endpointsTitle')}>
          <EmptyState icon={Webhook} title={t('webhooks.adminsOnly')} />
        </SectionCard>
      )}
      {endpoints && data && (
        <>
          <FormAlert message={alert} />
          <SectionCard titleId="endpoints-title" title={t('webhooks.endpointsTitle')}>
            {endpoints.length === 0 ? (
              <EmptyState
                icon={Webhook}
                title={t('webhooks.none')}
                description={t('webhooks.noneNextStep')}
              />
            ) : (
              <ResponsiveTable
                labelledBy="endpoints-title"
                cardsBelow={760}
                columns={[
                  { key: 'url', label: t('webhooks.columns.url') },
                  { key: 'events', label: t('webhooks.columns.events') },
                  { key: 'health', label: t('webhooks.columns.health') },
                  { key: 'lastSuccess', label: t('webhooks.columns.lastSuccess') },
                  { key: 'actions', label: t('webhooks.columns.actions'), actions: true },
                ]}
              >
                {endpoints.map((endpoint) => (
                  <EndpointRow
                    key={endpoint.id}
                    endpoint={endpoint}
                    selected={endpoint.id === openId}
                    formatDateTime={formatDateTime}
                    onOpen={() => setOpenId(endpoint.id === openId ? null : endpoint.id)}
                  />
                ))}
              </ResponsiveTable>
            )}
          </SectionCard>
          {opened && (
            <EndpointDetails
              key={opened.id}
              endpoint={opened}
              formatDateTime={formatDateTime}
              onEdit={() => setDialog({ kind: 'edit', endpoint: opened })}
              onDeleted={() => {
                setOpenId(null);
                done(t('webhooks.deleted'));
                headingRef.current?.focus();
              }}
              onDone={done}
              onError={fail}
            />
          )}
          {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
            <EndpointDialog
              organizationId={organization!.id}
              eventTypes={data.webhookEventTypes}
              endpoint={dialog.kind === 'edit' ? dialog.endpoint : undefined}
              onCancel={closeDialog}
              onSaved={(endpoint, secret) => {
                setOpenId(endpoint.id);
                if (secret) {
                  setDialog({ kind: 'created', secret });
                } else {
                  closeDialog();
                  done(t('webhooks.saved'));
                }
              }}
            />
          )}
          {dialog?.kind === 'created' && (
            <SecretDialog
              title={t('webhooks.secret.createdTitle')}
              body={t('webhooks.secret.createdBody')}
              secret={dialog.secret}
              onClose={() => {
                closeDialog();
                done(t('webhooks.added'));
              }}
            />
          )}
        </>
      )}
    </>
  );
}
