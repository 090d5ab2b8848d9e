import { Initial1763800000000 } from './1763800000000-initial';
import { Credentials1763900000000 } from './1763900000000-credentials';
import { MfaAndTimeline1764000000000 } from './1764000000000-mfa-and-timeline';

/** MySQL / MariaDB migrations, oldest first. Keep in step with ../sqlite. */
export const mysqlMigrations = [
  Initial1763800000000,
  Credentials1763900000000,
  MfaAndTimeline1764000000000,
];
