import { Initial1763800000000 } from './1763800000000-initial';
import { Credentials1763900000000 } from './1763900000000-credentials';
import { Organizations1764100000000 } from './1764100000000-organizations';

/** SQLite migrations, oldest first. Keep in step with ../mysql. */
export const sqliteMigrations = [
  Initial1763800000000,
  Credentials1763900000000,
  Organizations1764100000000,
];
