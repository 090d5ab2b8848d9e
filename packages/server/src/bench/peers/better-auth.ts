import { createServer } from 'node:http';
import { createConnection, createPool } from 'mysql2/promise';

/**
 * A peer: better-auth's `GET /api/auth/get-session` with a signed-in cookie, on the same
 * MariaDB/MySQL server as Atrium (its own database, `<Atrium's database>_better_auth`), cookie
 * cache off so every request reads the session as Atrium's do, rate limit off as Atrium's
 * requests have none. better-auth is an ES module: loaded with import().
 */
async function main(): Promise<void> {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${url.pathname.slice(1)}_better_auth`;
  await createDatabase(url);
  const { betterAuth } = await import('better-auth');
  const { toNodeHandler } = await import('better-auth/node');
  const { getMigrations } = await import('better-auth/db/migration');
  const baseURL = `http://127.0.0.1:${process.env.PORT}`;
  const auth = betterAuth({
    database: createPool({ uri: url.toString(), connectionLimit: 10 }),
    baseURL,
    secret: 'bench-better-auth-secret-0123456789abcdef',
    emailAndPassword: { enabled: true },
    session: { cookieCache: { enabled: false } },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();

  const signedUp = await auth.api.signUpEmail({
    body: {
      email: `bench-${Date.now()}@example.test`,
      password: 'Quiet-Lantern-Orbit-1',
      name: 'Bench',
    },
    asResponse: true,
  });
  const cookie = signedUp.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`better-auth sign-up set no cookie (${signedUp.status})`);

  const handle = toNodeHandler(auth);
  const server = createServer((request, response) => void handle(request, response));
  server.listen(Number(process.env.PORT), () => process.send?.({ ready: true, cookie }));
}

async function createDatabase(url: URL): Promise<void> {
  const server = new URL(url);
  server.pathname = '/';
  const connection = await createConnection(server.toString());
  await connection.query(
    `CREATE DATABASE IF NOT EXISTS \`${url.pathname.slice(1).replace(/`/g, '')}\``,
  );
  await connection.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
