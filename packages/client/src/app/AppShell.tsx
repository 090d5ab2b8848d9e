import { Menu, X } from 'lucide-react';
import { Suspense, useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { Skeleton } from '../components/Skeleton';
import { ToastProvider } from '../components/Toast';
import { useCurrentAccount } from '../features/auth/CurrentAccount';
import { useLogOut } from '../features/auth/useLogOut';
import { UnverifiedEmailBanner } from '../features/email/UnverifiedEmailBanner';
import { PendingDeletionBanner } from '../features/privacy/PendingDeletionBanner';
import { ReauthDialogHost } from '../features/reauth/ReauthDialogHost';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { NotificationFeedListener } from '../features/notifications/NotificationFeedListener';
import { OrganizationSwitcher } from '../features/organizations/OrganizationSwitcher';
import { SessionEventsListener } from '../features/sessions/SessionEventsListener';
import { useErrorText } from '../lib/useErrorText';
import { AccountMenu } from './AccountMenu';
import { useAccountLanguage } from './i18n';
import { SettingsNav } from './SettingsNav';

const NAV_ID = 'settings-nav';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault(); // keep the URL clean; the router would treat #main as a navigation
  main.focus();
}

/**
 * The signed-in frame: header with the organization and the account menu, settings navigation
 * (behind a menu button on narrow screens), content, the live session events that can end it,
 * and the dialog that confirms it is still this person when a sensitive change asks for it.
 */
export function AppShell() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  useAccountLanguage(account.locale);
  const { logOut, loading, error } = useLogOut();
  const errorText = useErrorText();
  const { pathname } = useLocation();
  const [navOpen, setNavOpen] = useState(false);

  // Choosing a section closes the menu on narrow screens.
  useEffect(() => setNavOpen(false), [pathname]);

  return (
    <ToastProvider>
      <div className="app">
        <SessionEventsListener />
        <NotificationFeedListener />
        <a className="skip-link" href="#main" onClick={skipToMain}>
          {t('app.skipToContent')}
        </a>
        <header className="app-header">
          <button
            type="button"
            className="nav-toggle icon-button"
            aria-expanded={navOpen}
            aria-controls={NAV_ID}
            onClick={() => setNavOpen((open) => !open)}
          >
            {navOpen ? <X aria-hidden="true" size={20} /> : <Menu aria-hidden="true" size={20} />}
            <span className="visually-hidden">{t('nav.menu')}</span>
          </button>
          <span className="brand">{t('app.name')}</span>
          <OrganizationSwitcher />
          <NotificationBell timezone={account.timezone} />
          <AccountMenu account={account} loggingOut={loading} onLogOut={() => void logOut()} />
        </header>
        {error && <FormAlert message={errorText(error)} />}
        {account.status === 'PENDING_DELETION' && <PendingDeletionBanner account={account} />}
        {!account.emailVerified && <UnverifiedEmailBanner account={account} />}
        <div className="app-body">
          <SettingsNav id={NAV_ID} open={navOpen} />
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<Skeleton lines={6} />}>
              <Outlet />
            </Suspense>
          </main>
        </div>
        {/* Last, so it sits above any dialog a page has open when a change asks for it. */}
        <ReauthDialogHost />
      </div>
    </ToastProvider>
  );
}
