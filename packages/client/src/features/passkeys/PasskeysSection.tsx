import { Fingerprint } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import {
  useFinishPasskeyRegistrationMutation,
  useMyPasskeysQuery,
  useStartPasskeyRegistrationMutation,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { setHasPasskeys } from '../mfa/mfaCache';
import { PasskeyRow } from './PasskeyRow';
import { updatePasskeyList } from './passkeysCache';
import { createPasskey, isAlreadyRegistered, isCancelled, passkeysSupported } from './webauthn';

/**
 * Security → Passkeys: add one (the browser asks for the fingerprint, face or screen lock that
 * guards it), see when each was last used and whether it is synced, rename and remove them.
 * Adding and removing ask for sudo mode, which the re-authentication link handles.
 */
export function PasskeysSection() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const toast = useToast();
  const errorText = useErrorText();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { data, loading, error } = useMyPasskeysQuery();
  const [startRegistration] = useStartPasskeyRegistrationMutation();
  const [finishRegistration] = useFinishPasskeyRegistrationMutation({
    update(cache, { data: added }) {
      if (!added) return;
      updatePasskeyList(cache, (list) => [...list, added.finishPasskeyRegistration]);
      setHasPasskeys(cache, account.id, true);
    },
  });
  const supported = passkeysSupported();
  const passkeys = data?.myPasskeys ?? [];

  async function add() {
    setAlert(null);
    setAdding(true);
    try {
      const { data: started } = await startRegistration();
      if (!started) return;
      const response = await createPasskey(started.startPasskeyRegistration);
      await finishRegistration({ variables: { input: { response } } });
      toast(t('passkeys.added'));
    } catch (failure) {
      if (isAlreadyRegistered(failure)) setAlert(t('passkeys.alreadyOnDevice'));
      else if (!isCancelled(failure)) setAlert(errorText(toApiError(failure)));
    } finally {
      setAdding(false);
    }
  }

  const addButton = (
    <button
      type="button"
      className="primary"
      disabled={!supported || adding}
      onClick={() => void add()}
    >
      {adding ? t('passkeys.adding') : t('passkeys.add')}
    </button>
  );

  return (
    <SectionCard
      titleId="passkeys-title"
      title={t('passkeys.title')}
      description={t('passkeys.intro')}
      headingRef={headingRef}
      actions={passkeys.length > 0 ? addButton : undefined}
    >
      {!supported && <p className="notice">{t('passkeys.unsupported')}</p>}
      <FormAlert message={alert ?? (error ? errorText(toApiError(error)) : null)} />
      {loading && !data ? (
        <Skeleton lines={2} />
      ) : passkeys.length === 0 ? (
        <EmptyState
          icon={Fingerprint}
          title={t('passkeys.none')}
          description={t('passkeys.noneNextStep')}
          action={addButton}
        />
      ) : (
        <ResponsiveTable
          labelledBy="passkeys-title"
          cardsBelow={640}
          columns={[
            { key: 'name', label: t('passkeys.columns.name') },
            { key: 'kind', label: t('passkeys.columns.kind') },
            { key: 'added', label: t('passkeys.columns.added') },
            { key: 'lastUsed', label: t('passkeys.columns.lastUsed') },
            { key: 'actions', label: t('passkeys.columns.actions'), actions: true },
          ]}
        >
          {passkeys.map((passkey) => (
            <PasskeyRow
              key={passkey.id}
              passkey={passkey}
              formatDateTime={formatDateTime}
              onRemoved={() => {
                setAlert(null);
                toast(t('passkeys.removed', { name: passkey.name }));
                headingRef.current?.focus();
              }}
              onFailed={(message) => setAlert(message)}
            />
          ))}
        </ResponsiveTable>
      )}
    </SectionCard>
  );
}
