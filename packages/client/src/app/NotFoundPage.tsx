import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_SIGNED_IN_PATH } from '../features/auth/nextPath';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to={DEFAULT_SIGNED_IN_PATH}>{t('notFound.back')}</Link>
    </>
  );
}
