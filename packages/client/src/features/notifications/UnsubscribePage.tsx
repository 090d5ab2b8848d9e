import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AuthLayout } from '../auth/AuthLayout';

type State =
  | { step: 'asking' }
  | { step: 'sending' }
  | { step: 'done'; type: string }
  | { step: 'invalid' }
  | { step: 'failed' };

/**
 * Where the unsubscribe link of a notice email leads when opened: one button that turns off
 * that kind of email (the same one-click POST mail programs make), with no sign-in.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<State>({ step: 'asking' });

  async function unsubscribe() {
    setState({ step: 'sending' });
    try {
      const response = await fetch(
        `/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        },
      );
      if (response.status === 400) return setState({ step: 'invalid' });
      if (!response.ok) return setState({ step: 'failed' });
      const body = (await response.json()) as { unsubscribed: { type: string } };
      setState({ step: 'done', type: body.unsubscribed.type });
    } catch {
      setState({ step: 'failed' });
    }
  }

  return (
    <AuthLayout title={t('unsubscribe.title')}>
      {state.step === 'done' ? (
        <p role="status">
          {t('unsubscribe.done', { type: t(`notifications.types.${state.type}.name`, state.type) })}
        </p>
      ) : state.step === 'invalid' ? (
        <FormAlert message={t('errors.reasons.UNSUBSCRIBE_LINK_INVALID')} />
      ) : (
        <>
          {state.step === 'failed' && <FormAlert message={t('unsubscribe.failed')} />}
          <p>{t('unsubscribe.body')}</p>
          <button
            type="button"
            className="primary"
            disabled={state.step === 'sending' || !token}
            onClick={() => void unsubscribe()}
          >
            {state.step === 'sending' ? t('unsubscribe.sending') : t('unsubscribe.confirm')}
          </button>
        </>
      )}
      <p>
        <Link to="/settings/notifications">{t('unsubscribe.manage')}</Link>
      </p>
    </AuthLayout>
  );
}
