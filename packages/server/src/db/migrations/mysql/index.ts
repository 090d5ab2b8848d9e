import { Initial1763800000000 } from './1763800000000-initial';

/** MySQL / MariaDB migrations, oldest first. Keep in step with ../sqlite. */
export const mysqlMigrations = [Initial1763800000000];
