// Copies the screenshots the user guide and the README show from the browser walk's output
// (e2e/every-page-*.e2e.test.ts, webhooks, privacy, billing and audit-log write test-output/screenshots/) into
// docs/images/.
// `pnpm --filter @atrium/client docs:screenshots` builds, runs the walk, then runs this.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(clientDir, 'test-output', 'screenshots');
const to = path.resolve(clientDir, '..', '..', 'docs', 'images');

/** docs/images/<name>.png ← test-output/screenshots/<walk file>.png */
const CHOSEN = {
  'log-in': 'login--1280-light',
  profile: 'settings-profile--1280-light',
  'log-in-375': 'login--375-light',
  'profile-email': 'settings-profile--email-address--1280-light',
  'profile-phone': 'settings-profile--phone-number--1280-light',
  'security-devices': 'settings-security--devices--1280-light',
  'security-password': 'settings-security--password--1280-light',
  'security-two-factor': 'settings-security--two-factor-authentication--1280-light',
  'security-passkeys': 'settings-security--passkeys--1280-light',
  'security-activity': 'settings-security--activity--1280-light',
  organization: 'settings-organization--1280-light',
  team: 'settings-team--1280-light',
  notifications: 'settings-notifications--1280-light',
  'notifications-375': 'settings-notifications--375-light',
  // Taken by e2e/privacy.e2e.test.ts, with an export ready to download.
  privacy: 'privacy-export-ready--1280-light',
  'api-keys': 'settings-api-keys--1280-light',
  'api-keys-375': 'settings-api-keys--375-light',
  'team-375': 'settings-team--375-light',
  'security-dark': 'settings-security--1280-dark',
  webhooks: 'settings-webhooks--1280-light',
  'webhooks-add': 'webhooks-add--1280-light',
  'webhooks-endpoint': 'webhooks-endpoint--1280-light',
  billing: 'settings-billing--1280-light',
  'billing-375': 'settings-billing--375-light',
  // Taken by e2e/billing.e2e.test.ts: the seat effect shown before the owner confirms.
  'billing-change-plan': 'billing-change-plan--1280-light',
  // Taken by e2e/audit-log.e2e.test.ts, filtered to one type with an entry opened.
  'audit-log': 'audit-log-details--1280-light',
};

const missing = Object.values(CHOSEN).filter((file) => !existsSync(path.join(from, `${file}.png`)));
if (missing.length > 0) {
  console.error(`Not in ${from} (run the browser walk first, or rename here):`);
  for (const file of missing) console.error(`  ${file}.png`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const [name, file] of Object.entries(CHOSEN)) {
  copyFileSync(path.join(from, `${file}.png`), path.join(to, `${name}.png`));
  console.log(`docs/images/${name}.png ← ${file}.png`);
}
