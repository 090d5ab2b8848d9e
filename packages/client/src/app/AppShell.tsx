import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { useCurrentAccount } from '../features/auth/CurrentAccount';
import { useLogOut } from '../features/auth/useLogOut';
import { UnverifiedEmailBanner } from '../features/email/UnverifiedEmailBanner';
import { ReauthDialogHost } from '../features/reauth/ReauthDialogHost';
import { OrganizationSwitcher } from '../features/organizations/OrganizationSwitcher';
import { SessionEventsListener } from '../features/sessions/SessionEventsListener';
import { useErrorText } from '../lib/useErrorText';
import { useAccountLanguage } from './i18n';
import { SettingsNav } from './SettingsNav';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault(); // keep the URL clean; the router would treat #main as a navigation
  main.focus();
}

/**
 * The signed-in frame: header with the account and log-out, settings navigation, content, and
 * the live session events that can end it, and the dialog that confirms it is still this
 * person when a sensitive change asks for it.
 */
export function AppShell() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  useAccountLanguage(account.locale);
  const { logOut, loading, error } = useLogOut();
  const errorText = useErrorText();

  return (
    <div className="app">
      <SessionEventsListener />
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <OrganizationSwitcher />
        <div className="account">
          <span>
            <span className="visually-hidden">{t('shell.accountLabel')} </span>
            {account.fullName || account.email}
          </span>
          <button type="button" onClick={() => void logOut()} disabled={loading}>
            {loading ? t('shell.loggingOut') : t('shell.logOut')}
          </button>
        </div>
      </header>
      {error && <FormAlert message={errorText(error)} />}
      {!account.emailVerified && <UnverifiedEmailBanner account={account} />}
      <div className="app-body">
        <SettingsNav />
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      {/* Last, so it sits above any dialog a page has open when a change asks for it. */}
      <ReauthDialogHost />
    </div>
  );
}
