import { useTranslation } from 'react-i18next';

/** "3 of 3 seats used": members plus pending invitations, against the plan's limit. */
export function SeatUse({ used, limit }: { used: number; limit: number | null }) {
  const { t } = useTranslation();
  return (
    <p className="seat-use">
      {limit === null
        ? t('team.seatsUnlimited', { count: used })
        : t('team.seats', { count: limit, used })}
    </p>
  );
}
