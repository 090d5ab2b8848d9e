import { Plus } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { useApiKeysOrganizationQuery, useOrganizationApiKeysQuery } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { OrganizationLoadProblem } from '../organizations/OrganizationLoadProblem';
import { mayManageApiKeys } from '../organizations/roles';
import { useOrganizationId } from '../organizations/useOrganizationId';
import { ApiKeysSection, ApiKeysUnavailable } from './ApiKeysSection';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';

/**
 * Settings → API keys: an organization's keys for its tools. OWNER and ADMIN list, create, roll
 * and revoke them; the other roles may not see them (the API answers FORBIDDEN), so they read
 * why instead of an error.
 */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const toast = useToast();
  useDocumentTitle(t('apiKeys.title'));
  const organizationId = useOrganizationId();
  const account = useCurrentAccount();
  const organizationQuery = useApiKeysOrganizationQuery({ variables: { id: organizationId } });
  const organization = organizationQuery.data?.organization;
  const manager = organization ? mayManageApiKeys(organization.myRole) : false;
  const keysQuery = useOrganizationApiKeysQuery({
    variables: { id: organizationId },
    skip: !manager,
  });
  const [creating, setCreating] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const createButtonRef = useRef<HTMLButtonElement>(null);
  // A role taken away since the page loaded: the list is refused; say why, as to any non-admin.
  const refused = keysQuery.error ? toApiError(keysQuery.error).code === 'FORBIDDEN' : false;
  const keys = refused ? undefined : keysQuery.data?.organization;

  function openCreate() {
    setCreating(true);
  }

  function closeCreate() {
    setCreating(false);
    // The header's button, or the empty state's (gone once the first key is listed): the title.
    if (createButtonRef.current) createButtonRef.current.focus();
    else headingRef.current?.focus();
  }

  return (
    <>
      <PageHeader
        title={
          organization ? t('apiKeys.titleFor', { name: organization.name }) : t('apiKeys.title')
        }
        description={t('apiKeys.intro')}
        headingRef={headingRef}
        actions={
          keys &&
          keys.apiKeys.length > 0 && (
            <button ref={createButtonRef} type="button" className="primary" onClick={openCreate}>
              <Plus aria-hidden="true" size={18} />
              {t('apiKeys.create')}
            </button>
          )
        }
      />
      {organizationQuery.error && !organization && (
        <OrganizationLoadProblem
          error={organizationQuery.error}
          retry={() => void organizationQuery.refetch().catch(() => null)}
        />
      )}
      {organization && (!manager || refused) && (
        <ApiKeysUnavailable organizationName={organization.name} myRole={organization.myRole} />
      )}
      {manager && keysQuery.error && !refused && !keys && (
        <OrganizationLoadProblem
          error={keysQuery.error}
          retry={() => void keysQuery.refetch().catch(() => null)}
        />
      )}
      {(organizationQuery.loading || keysQuery.loading) && !keys && <Skeleton lines={6} />}
      {organization && keys && (
        <ApiKeysSection
          organizationId={organization.id}
          apiKeys={keys.apiKeys}
          timeZone={account.timezone}
          headingRef={headingRef}
          onCreate={openCreate}
        />
      )}
      {creating && organization && keys && (
        <CreateApiKeyDialog
          organizationId={organization.id}
          myRole={organization.myRole}
          scopeChoices={keys.apiKeyScopeChoices}
          timeZone={account.timezone}
          onCreated={(name) => {
            closeCreate();
            toast(t('apiKeys.secret.created', { name }));
          }}
          onCancel={closeCreate}
        />
      )}
    </>
  );
}
