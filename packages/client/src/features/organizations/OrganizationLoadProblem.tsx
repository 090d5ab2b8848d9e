import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { toApiError } from '../../lib/apiError';

/** A page's organization could not be loaded: not one of mine (NOT_FOUND), or a failure. */
export function OrganizationLoadProblem({ error, retry }: { error: unknown; retry(): void }) {
  const { t } = useTranslation();
  if (toApiError(error).code === 'NOT_FOUND') {
    return (
      <>
        <FormAlert message={t('organizations.notFound')} />
        <Link to="/settings/team">{t('organizations.backToMine')}</Link>
      </>
    );
  }
  return (
    <>
      <FormAlert message={t('app.loadFailed')} />
      <button type="button" onClick={retry}>
        {t('app.retry')}
      </button>
    </>
  );
}
