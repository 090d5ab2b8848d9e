import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type DatabaseConfig = { type: 'mysql'; url: string } | { type: 'sqlite'; file: string };

export interface SmsConfig {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

export interface Config {
  production: boolean;
  port: number;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** Starts every Redis key and channel name, so deployments can share one Redis. */
  redisPrefix: string;
  /** APP_URL, or `http://localhost:$PORT` without it (see PublicSite for PORT=0). */
  appUrl: string;
  /** No APP_URL was given: the public URL follows the port the server listens on. */
  appUrlFromPort: boolean;
  /** Origins besides APP_URL's whose pages may open the WebSocket with the browser's cookie. */
  allowedOrigins: string[];
  smtpUrl: string | null;
  sms: SmsConfig | null;
  outboxDir: string;
  /** Raw SECRET_KEY, or null when it is to be generated into the data directory. */
  secretKey: string | null;
  dataDir: string;
  logLevel: LogLevel;
  trustedProxies: string[];
  introspection: boolean;
  clientDistDir: string;
  session: { idleDays: number; maxDays: number };
  /** How long a password confirmation unlocks sensitive changes (sudo mode). */
  reauthWindowMinutes: number;
  totpIssuer: string;
  /** SMS codes (sign-in and phone changes) per destination country per hour, all accounts together. */
  smsCountryHourlyLimit: number;
  /** Seats per plan code; null is unlimited. */
  planSeats: PlanSeats;
  /** Usage limits per plan code and metric for a billing cycle; null (or absent) is unlimited. */
  planLimits: PlanLimits;
  /** DNS servers (`host` or `host:port`) for domain verification; empty means the system's. */
  dnsServers: string[];
  /** Open WebSockets per signed-in account (or per address, anonymous), and operations per socket. */
  webSocket: { maxConnections: number; maxOperations: number };
  /** Days between scheduling an account's deletion and erasing it (0 erases at once). */
  accountDeletionGraceDays: number;
  /** Days a data export can be downloaded. */
  exportLinkDays: number;
  /** Days audit log entries are kept before the daily retention job removes them. */
  auditRetentionDays: number;
  /** The longest a SIGTERM/SIGINT shutdown takes, log draining included, before the process exits. */
  shutdownTimeoutMs: number;
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** Delay before each delivery attempt: the first (0: at once), then after each failure. */
  retryScheduleMs: number[];
  /** Whether targets may be loopback, private, link-local… addresses (never in production). */
  allowPrivateTargets: boolean;
  /** Only https targets (production). */
  httpsOnly: boolean;
}

/** At once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: about three days in all. */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE = '0,5s,5m,30m,2h,5h,10h,14h,20h,24h';

const DURATION_UNITS_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `0,5s,5m,2h` → milliseconds; null when an entry is not a number with a unit (ms, s, m, h, d). */
export function parseRetrySchedule(value: string): number[] | null {
  const entries = value.split(',').map((entry) => entry.trim());
  const delays: number[] = [];
  for (const entry of entries) {
    const match = /^(\d{1,7})(ms|s|m|h|d)?$/.exec(entry);
    if (!match || (match[2] === undefined && match[1] !== '0')) return null;
    delays.push(Number(match[1]) * DURATION_UNITS_MS[match[2] ?? 'ms']);
  }
  return delays.length > 0 && delays.length <= 20 ? delays : null;
}

export type PlanSeats = Readonly<Record<string, number | null>>;

/** The product's current plans. PLAN_SEATS overrides or adds entries. */
export const DEFAULT_PLAN_SEATS: PlanSeats = { PROFESSIONAL: 3, DENTAL: 10, REAL_ESTATE: null };

/** Per plan, per metric: the most one billing cycle includes; null is unlimited. */
export type PlanLimits = Readonly<Record<string, Readonly<Record<string, number | null>>>>;

/**
 * What each of the product's plans includes per billing cycle. PLAN_LIMITS overrides or adds
 * entries; a plan or metric left out has no limit.
 */
export const DEFAULT_PLAN_LIMITS: PlanLimits = {
  PROFESSIONAL: { API_REQUESTS: 100_000, MINUTES: 1_000, MESSAGES: 2_000, GROUPS: 10 },
  DENTAL: { API_REQUESTS: 500_000, MINUTES: 5_000, MESSAGES: 10_000, GROUPS: 50 },
};

/** `PLAN.METRIC=limit` entries over the defaults, or the entries that are not that shape. */
export function parsePlanLimits(entries: readonly string[]): {
  limits: PlanLimits;
  malformed: string[];
} {
  const limits: Record<string, Record<string, number | null>> = {};
  for (const [plan, metrics] of Object.entries(DEFAULT_PLAN_LIMITS)) limits[plan] = { ...metrics };
  const malformed: string[] = [];
  for (const entry of entries) {
    const match = /^([A-Z][A-Z0-9_]{0,31})\.([A-Z][A-Z0-9_]{0,39})=(\d{1,12}|unlimited)$/.exec(
      entry,
    );
    if (!match) {
      malformed.push(entry);
      continue;
    }
    const [, plan, metric, value] = match;
    limits[plan] = { ...limits[plan], [metric]: value === 'unlimited' ? null : Number(value) };
  }
  return { limits, malformed };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
  }
}

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const commaList = optionalString.transform((value) =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [],
);

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const asNumber = optionalString.transform((value) =>
  value === undefined ? undefined : Number(value),
);

const positiveInt = (fallback: number) =>
  asNumber.pipe(z.number().int().positive().optional()).transform((v) => v ?? fallback);

const envSchema = z.object({
  NODE_ENV: optionalString,
  PORT: asNumber.pipe(z.number().int().min(0).max(65535).optional()),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(
        /^(mysql|mariadb):\/\/.+|^sqlite:.+/,
        'must be mysql://user:pass@host:3306/db or sqlite:path',
      )
      .optional(),
  ),
  REDIS_URL: optionalString.pipe(url(['redis:', 'rediss:']).optional()),
  REDIS_PREFIX: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 letters, digits and . _ : -')
      .optional(),
  ),
  APP_URL: optionalString.pipe(url(['http:', 'https:']).optional()),
  SMTP_URL: optionalString.pipe(url(['smtp:', 'smtps:']).optional()),
  SMS_API_URL: optionalString.pipe(url(['http:', 'https:']).optional()),
  SMS_ACCOUNT_SID: optionalString,
  SMS_AUTH_TOKEN: optionalString,
  SMS_FROM: optionalString,
  OUTBOX_DIR: optionalString,
  SECRET_KEY: optionalString.pipe(
    z.string().min(32, 'must be at least 32 characters (32+ bytes of key material)').optional(),
  ),
  LOG_LEVEL: optionalString.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
  TRUSTED_PROXIES: commaList.refine((list) => list.every(isAddressOrNetwork), {
    message: 'must be a comma-separated list of IP addresses or networks (10.0.0.0/8)',
  }),
  ALLOWED_ORIGINS: commaList.refine((list) => list.every((o) => /^https?:\/\/[^/]+$/.test(o)), {
    message: 'must be a comma-separated list of origins such as https://app.example.com',
  }),
  INTROSPECTION: optionalString.pipe(boolean.optional()),
  CLIENT_DIST_DIR: optionalString,
  SESSION_IDLE_DAYS: positiveInt(30),
  SESSION_MAX_DAYS: positiveInt(90),
  REAUTH_WINDOW_MINUTES: positiveInt(10),
  TOTP_ISSUER: optionalString.pipe(z.string().max(64).optional()),
  SMS_COUNTRY_HOURLY_LIMIT: positiveInt(100),
  PLAN_SEATS: commaList.transform((entries, ctx) => {
    const seats: Record<string, number | null> = { ...DEFAULT_PLAN_SEATS };
    for (const entry of entries) {
      const match = /^([A-Z][A-Z0-9_]{0,31})=(\d{1,6}|unlimited)$/.exec(entry);
      if (!match || match[2] === '0') {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not PLAN=seats (a positive number or unlimited), such as DENTAL=10`,
        });
        continue;
      }
      seats[match[1]] = match[2] === 'unlimited' ? null : Number(match[2]);
    }
    return seats;
  }),
  PLAN_LIMITS: commaList.transform((entries, ctx) => {
    const { limits, malformed } = parsePlanLimits(entries);
    for (const entry of malformed) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not PLAN.METRIC=limit (a whole number or unlimited), such as DENTAL.MINUTES=6000`,
      });
    }
    return limits;
  }),
  WS_MAX_CONNECTIONS: positiveInt(50),
  WS_MAX_OPERATIONS: positiveInt(25),
  DNS_SERVERS: commaList.refine((list) => list.every(isDnsServer), {
    message: 'must be a comma-separated list of IP addresses with optional ports (127.0.0.1:5353)',
  }),
  SHUTDOWN_TIMEOUT_MS: positiveInt(15_000),
  WEBHOOK_RETRY_SCHEDULE: optionalString.transform((value, ctx) => {
    const schedule = parseRetrySchedule(value ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE);
    if (!schedule) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be 1 to 20 comma-separated delays, each 0 or a number with ms, s, m, h or d (0,5s,5m,2h)',
      });
      return [];
    }
    return schedule;
  }),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: optionalString.pipe(boolean.optional()),
  ACCOUNT_DELETION_GRACE_DAYS: asNumber
    .pipe(z.number().int().min(0).max(365).optional())
    .transform((v) => v ?? 14),
  EXPORT_LINK_DAYS: asNumber
    .pipe(z.number().int().min(1).max(90).optional())
    .transform((v) => v ?? 7),
  AUDIT_RETENTION_DAYS: asNumber
    .pipe(z.number().int().min(1).max(3650).optional())
    .transform((v) => v ?? 365),
});

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];

  if (production && !e.SECRET_KEY) {
    problems.push('SECRET_KEY: is required when NODE_ENV=production (32+ random bytes)');
  }
  const smsParts = [e.SMS_ACCOUNT_SID, e.SMS_AUTH_TOKEN, e.SMS_FROM];
  if (e.SMS_API_URL && smsParts.some((part) => !part)) {
    problems.push('SMS_API_URL: needs SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM as well');
  }
  if (e.SESSION_MAX_DAYS < e.SESSION_IDLE_DAYS) {
    problems.push('SESSION_MAX_DAYS: must not be shorter than SESSION_IDLE_DAYS');
  }
  if (production && e.WEBHOOK_ALLOW_PRIVATE_TARGETS) {
    problems.push('WEBHOOK_ALLOW_PRIVATE_TARGETS: must not be true when NODE_ENV=production');
  }
  for (const plan of Object.keys(e.PLAN_LIMITS)) {
    if (!Object.hasOwn(e.PLAN_SEATS, plan)) {
      problems.push(`PLAN_LIMITS: ${plan} is not a plan of PLAN_SEATS (add it there first)`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const databaseUrl = e.DATABASE_URL ?? 'sqlite:./data/atrium.sqlite';
  const database: DatabaseConfig = databaseUrl.startsWith('sqlite:')
    ? { type: 'sqlite', file: resolveSqliteFile(databaseUrl.slice('sqlite:'.length)) }
    : { type: 'mysql', url: databaseUrl.replace(/^mariadb:/, 'mysql:') };
  const port = e.PORT ?? 4000;
  const appUrl = (e.APP_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const dataDir =
    database.type === 'sqlite' && database.file !== ':memory:'
      ? path.dirname(database.file)
      : path.resolve('data');

  return {
    production,
    port,
    database,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX ?? 'atrium:',
    appUrl,
    appUrlFromPort: e.APP_URL === undefined,
    allowedOrigins: [...new Set(e.ALLOWED_ORIGINS)],
    smtpUrl: e.SMTP_URL ?? null,
    sms: e.SMS_API_URL
      ? {
          apiUrl: e.SMS_API_URL,
          accountSid: e.SMS_ACCOUNT_SID as string,
          authToken: e.SMS_AUTH_TOKEN as string,
          from: e.SMS_FROM as string,
        }
      : null,
    outboxDir: path.resolve(e.OUTBOX_DIR ?? './data/outbox'),
    secretKey: e.SECRET_KEY ?? null,
    dataDir,
    logLevel: e.LOG_LEVEL ?? 'info',
    trustedProxies: e.TRUSTED_PROXIES,
    introspection: e.INTROSPECTION ?? !production,
    clientDistDir: path.resolve(
      e.CLIENT_DIST_DIR ?? path.join(__dirname, '..', '..', '..', 'client', 'dist'),
    ),
    session: { idleDays: e.SESSION_IDLE_DAYS, maxDays: e.SESSION_MAX_DAYS },
    reauthWindowMinutes: e.REAUTH_WINDOW_MINUTES,
    totpIssuer: e.TOTP_ISSUER ?? 'Atrium',
    smsCountryHourlyLimit: e.SMS_COUNTRY_HOURLY_LIMIT,
    planSeats: e.PLAN_SEATS,
    planLimits: e.PLAN_LIMITS,
    dnsServers: e.DNS_SERVERS,
    webSocket: { maxConnections: e.WS_MAX_CONNECTIONS, maxOperations: e.WS_MAX_OPERATIONS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    webhooks: {
      retryScheduleMs: e.WEBHOOK_RETRY_SCHEDULE,
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? !production,
      httpsOnly: production,
    },
    accountDeletionGraceDays: e.ACCOUNT_DELETION_GRACE_DAYS,
    exportLinkDays: e.EXPORT_LINK_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
  };
}

function isAddressOrNetwork(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/** What Node's `Resolver.setServers` takes: `1.2.3.4`, `1.2.3.4:53`, `::1` or `[::1]:53`. */
function isDnsServer(entry: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  const withPort = /^([^:]+):(\d{1,5})$/.exec(entry);
  const [address, port] = bracketed
    ? [bracketed[1], bracketed[2]]
    : withPort
      ? [withPort[1], withPort[2]]
      : [entry, undefined];
  return isIP(address) !== 0 && (port === undefined || (Number(port) > 0 && Number(port) < 65536));
}

function resolveSqliteFile(file: string): string {
  return file === ':memory:' ? file : path.resolve(file);
}
