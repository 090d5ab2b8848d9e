import { Navigate, Outlet, useSearchParams } from 'react-router';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useMeQuery } from '../../generated/graphql';
import { DEFAULT_SIGNED_IN_PATH, safeNextPath } from './nextPath';

/**
 * Guards /login and /signup: a signed-in visitor goes on to `next` (or the app). Because it
 * watches the `me` query, a successful sign-in that writes the account to the cache moves the
 * person on from here too.
 */
export function RedirectIfSignedIn() {
  const [searchParams] = useSearchParams();
  const { data, error } = useMeQuery();

  if (!data && !error) return <LoadingScreen />;
  if (data?.me) {
    return (
      <Navigate to={safeNextPath(searchParams.get('next')) ?? DEFAULT_SIGNED_IN_PATH} replace />
    );
  }
  return <Outlet />;
}
