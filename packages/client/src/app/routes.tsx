import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { DEFAULT_SIGNED_IN_PATH } from '../features/auth/nextPath';
import { RedirectIfSignedIn } from '../features/auth/RedirectIfSignedIn';
import { RequireAuth } from '../features/auth/RequireAuth';
import { OrganizationRedirect } from '../features/organizations/OrganizationRedirect';
import type { OrganizationSection } from '../features/organizations/organizationPaths';
import { lazyPage } from './lazyPage';
import { PlaceholderPage } from './PlaceholderPage';
import { RootLayout } from './RootLayout';
import { SETTINGS_SECTIONS, type SettingsSection } from './settingsSections';

// Every page is its own chunk, and so is the signed-in shell (its menus, dialogs and toasts):
// the first download holds the router, the guards and the placeholders.
const AppShell = lazyPage(() => import('./AppShell'), 'AppShell');
const LogInPage = lazyPage(() => import('../features/auth/LogInPage'), 'LogInPage');
const SignUpPage = lazyPage(() => import('../features/auth/SignUpPage'), 'SignUpPage');
const ForgotPasswordPage = lazyPage(
  () => import('../features/password/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyPage(
  () => import('../features/password/ResetPasswordPage'),
  'ResetPasswordPage',
);
const VerifyEmailPage = lazyPage(
  () => import('../features/email/VerifyEmailPage'),
  'VerifyEmailPage',
);
const AcceptInvitationPage = lazyPage(
  () => import('../features/invitations/AcceptInvitationPage'),
  'AcceptInvitationPage',
);
const ProfilePage = lazyPage(() => import('../features/profile/ProfilePage'), 'ProfilePage');
const SecurityPage = lazyPage(() => import('../features/security/SecurityPage'), 'SecurityPage');
const OrganizationPage = lazyPage(
  () => import('../features/organization/OrganizationPage'),
  'OrganizationPage',
);
const TeamPage = lazyPage(() => import('../features/team/TeamPage'), 'TeamPage');
const PrivacyPage = lazyPage(() => import('../features/privacy/PrivacyPage'), 'PrivacyPage');
const ReactivatePage = lazyPage(
  () => import('../features/privacy/ReactivatePage'),
  'ReactivatePage',
);
const ApiKeysPage = lazyPage(() => import('../features/apikeys/ApiKeysPage'), 'ApiKeysPage');
const NotificationsPage = lazyPage(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const UnsubscribePage = lazyPage(
  () => import('../features/notifications/UnsubscribePage'),
  'UnsubscribePage',
);
const WebhooksPage = lazyPage(() => import('../features/webhooks/WebhooksPage'), 'WebhooksPage');
const BillingPage = lazyPage(() => import('../features/billing/BillingPage'), 'BillingPage');
const AuditLogPage = lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
const NotFoundPage = lazyPage(() => import('./NotFoundPage'), 'NotFoundPage');

/** The sections built so far; the others show a placeholder. */
const SECTION_PAGES: Partial<Record<SettingsSection['path'], ReactNode>> = {
  profile: <ProfilePage />,
  security: <SecurityPage />,
  notifications: <NotificationsPage />,
  privacy: <PrivacyPage />,
};

/**
 * Sections about one organization name it in the path (/settings/team/<id>); without it they
 * open the organization chosen last in this browser.
 */
const ORGANIZATION_PAGES: Record<OrganizationSection, ReactNode> = {
  organization: <OrganizationPage />,
  team: <TeamPage />,
  'api-keys': <ApiKeysPage />,
  webhooks: <WebhooksPage />,
  billing: <BillingPage />,
  'audit-log': <AuditLogPage />,
};

function isOrganizationSection(path: string): path is OrganizationSection {
  return Object.hasOwn(ORGANIZATION_PAGES, path);
}

const sectionRoutes: RouteObject[] = SETTINGS_SECTIONS.map((section): RouteObject => {
  if (isOrganizationSection(section.path)) {
    return {
      path: section.path,
      children: [
        { index: true, element: <OrganizationRedirect section={section.path} /> },
        { path: ':organizationId', element: ORGANIZATION_PAGES[section.path] },
      ],
    };
  }
  return {
    path: section.path,
    element: SECTION_PAGES[section.path] ?? <PlaceholderPage section={section} />,
  };
});

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { path: '/', element: <Navigate to={DEFAULT_SIGNED_IN_PATH} replace /> },
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: '/login', element: <LogInPage /> },
          { path: '/signup', element: <SignUpPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
        ],
      },
      // Links from mail: they work whether or not this browser is signed in.
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/invitations/accept', element: <AcceptInvitationPage /> },
      { path: '/unsubscribe', element: <UnsubscribePage /> },
      { path: '/reactivate', element: <ReactivatePage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              {
                path: '/settings',
                children: [
                  { index: true, element: <Navigate to={DEFAULT_SIGNED_IN_PATH} replace /> },
                  ...sectionRoutes,
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
