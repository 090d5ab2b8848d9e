import { Initial1763800000000 } from './1763800000000-initial';

/** SQLite migrations, oldest first. Keep in step with ../mysql. */
export const sqliteMigrations = [Initial1763800000000];
