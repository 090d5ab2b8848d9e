import { CircleAlert, CircleCheck, CircleMinus, Clock, Info } from 'lucide-react';

export type StatusTone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

const ICONS = {
  success: CircleCheck,
  warning: Clock,
  danger: CircleAlert,
  neutral: CircleMinus,
  info: Info,
} as const;

/**
 * A short state next to a value: confirmed (success), waiting on someone (warning: a pending
 * state never looks like success), failed or off when it should be on (danger), or neither.
 * The icon repeats the tone for those who do not see the colour.
 */
export function StatusBadge({ tone, children }: { tone: StatusTone; children: string }) {
  const Icon = ICONS[tone];
  return (
    <span className={`badge badge-${tone}`}>
      <Icon aria-hidden="true" size={14} strokeWidth={2.25} />
      {children}
    </span>
  );
}
