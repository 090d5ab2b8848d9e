import { useTranslation } from 'react-i18next';

interface SkeletonProps {
  /** How many grey lines stand in for the content (the shape of what is coming). */
  lines?: number;
  /** Said to screen readers instead of the lines; "Loading…" when absent. */
  label?: string;
}

/** A placeholder in the shape of the content while it loads, announced as loading. */
export function Skeleton({ lines = 3, label }: SkeletonProps) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label ?? t('app.loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}
