import { SETTINGS_SECTIONS } from '../src/app/settingsSections';

/** What a walked page needs from the seeded data to show something real. */
export interface PageData {
  pendingInvitationToken: string;
}

/** One page of the SPA as the browser walk visits it. */
export interface WalkedPage {
  /** Names its screenshots: `settings-team--375-dark.png`. */
  name: string;
  /** The patterns of the app's route table (`routes.tsx`) this page shows. */
  routes: string[];
  /** What the browser opens. */
  path: (data: PageData) => string;
}

/** Pages for people who are not signed in, and the links mail sends to them. */
export const SIGNED_OUT_PAGES: WalkedPage[] = [
  { name: 'login', routes: ['/login'], path: () => '/login' },
  { name: 'signup', routes: ['/signup'], path: () => '/signup' },
  { name: 'forgot-password', routes: ['/forgot-password'], path: () => '/forgot-password' },
  {
    name: 'reset-password',
    routes: ['/reset-password'],
    path: () => '/reset-password?token=from-the-mailed-link',
  },
  {
    name: 'verify-email',
    routes: ['/verify-email'],
    path: () => '/verify-email?token=a-link-already-used',
  },
  {
    name: 'invitations-accept',
    routes: ['/invitations/accept'],
    path: (data) => `/invitations/accept?token=${encodeURIComponent(data.pendingInvitationToken)}`,
  },
  {
    name: 'unsubscribe',
    routes: ['/unsubscribe'],
    path: () => '/unsubscribe?token=from-a-notice-email',
  },
  {
    name: 'reactivate',
    routes: ['/reactivate'],
    path: () => '/reactivate?token=a-link-already-used',
  },
];

/**
 * Every settings section (a new one is walked as soon as it is in the navigation; sections
 * about one organization redirect to it), and what any other address shows.
 */
export const SIGNED_IN_PAGES: WalkedPage[] = [
  ...SETTINGS_SECTIONS.map((section) => ({
    name: `settings-${section.path}`,
    routes: [`/settings/${section.path}`, `/settings/${section.path}/:organizationId`],
    path: () => `/settings/${section.path}`,
  })),
  { name: 'not-found', routes: ['*'], path: () => '/settings/no-such-page' },
];
