import * as Tooltip from '@radix-ui/react-tooltip';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingScreen } from '../components/LoadingScreen';
import { ToastProvider } from '../components/Toast';

/** Around every route: toasts, tooltips, and a skeleton while a page's code arrives. */
export function RootLayout() {
  return (
    <Tooltip.Provider delayDuration={300}>
      <ToastProvider>
        <Suspense fallback={<LoadingScreen />}>
          <Outlet />
        </Suspense>
      </ToastProvider>
    </Tooltip.Provider>
  );
}
