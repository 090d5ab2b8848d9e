import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useMeQuery } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { CurrentAccountContext } from './CurrentAccount';
import { logInPathFor } from './nextPath';

/** Lets signed-in people through; sends everyone else to log in and back here afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, error, refetch } = useMeQuery();

  if (error && toApiError(error).code !== 'UNAUTHENTICATED') {
    return (
      <main className="centered">
        <div role="alert">{t('app.loadFailed')}</div>
        <button type="button" onClick={() => void refetch()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!data && !error) return <LoadingScreen />;

  const account = data?.me;
  if (!account) {
    const path = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={logInPathFor(path)} replace />;
  }
  return (
    <CurrentAccountContext.Provider value={account}>
      <Outlet />
    </CurrentAccountContext.Provider>
  );
}
