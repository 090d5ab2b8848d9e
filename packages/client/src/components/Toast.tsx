import * as RadixToast from '@radix-ui/react-toast';
import { CircleAlert, CircleCheck, Clock, Info, X } from 'lucide-react';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ToastTone = 'success' | 'info' | 'warning' | 'danger';

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

type ShowToast = (message: string, tone?: ToastTone) => void;

/** At most this many toasts at once; a new one pushes out the oldest. */
export const MAX_TOASTS = 3;
const DURATION_MS = 6000;

const ICONS = { success: CircleCheck, info: Info, warning: Clock, danger: CircleAlert } as const;

const ToastContext = createContext<ShowToast | null>(null);

let nextToastId = 1;

/**
 * Confirmations that need no answer ("Profile saved") as toasts: announced politely, gone after
 * a few seconds (kept while hovered or focused), dismissible, and F8 jumps to them.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<ReadonlyArray<ToastItem>>([]);

  const show = useCallback<ShowToast>((message, tone = 'success') => {
    const toast = { id: nextToastId++, message, tone };
    setToasts((current) => [...current, toast].slice(-MAX_TOASTS));
  }, []);
  const remove = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider label={t('toast.label')} duration={DURATION_MS}>
        {children}
        {toasts.map((toast) => {
          const Icon = ICONS[toast.tone];
          return (
            <RadixToast.Root
              key={toast.id}
              className={`toast toast-${toast.tone}`}
              // Failures interrupt; confirmations wait their turn.
              type={toast.tone === 'danger' ? 'foreground' : 'background'}
              onOpenChange={(open) => {
                if (!open) remove(toast.id);
              }}
            >
              <Icon className="toast-icon" aria-hidden="true" size={18} />
              <RadixToast.Description className="toast-message">
                {toast.message}
              </RadixToast.Description>
              <RadixToast.Close className="icon-button" aria-label={t('toast.dismiss')}>
                <X aria-hidden="true" size={16} />
              </RadixToast.Close>
            </RadixToast.Root>
          );
        })}
        <RadixToast.Viewport className="toast-viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** `toast(message, tone)` shows a toast; tone is "success" unless said otherwise. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a <ToastProvider> above it');
  return useMemo(() => show, [show]);
}
