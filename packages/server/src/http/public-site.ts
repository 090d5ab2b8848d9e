import type { Config } from '../config/env';

/** Dev-server origins allowed outside production (Vite on :5173). */
const DEV_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/** Names of this machine that a browser treats as different sites but a developer means as one. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the SPA is reached: the base of mail links and avatar URLs, and the origins whose pages
 * may upload with the browser's cookie or open the WebSocket. Without APP_URL it is
 * `http://localhost:<port in use>`, known once the server listens (PORT=0 picks a free port).
 * Outside production, `localhost`, `127.0.0.1` and `[::1]` on one port are the same site.
 */
export class PublicSite {
  private port: number | null = null;

  constructor(
    private readonly config: Pick<
      Config,
      'appUrl' | 'appUrlFromPort' | 'allowedOrigins' | 'production'
    >,
  ) {}

  /** Called once the HTTP server listens. */
  listeningOn(port: number): void {
    this.port = port;
  }

  get appUrl(): string {
    return this.config.appUrlFromPort && this.port !== null
      ? `http://localhost:${this.port}`
      : this.config.appUrl;
  }

  allowsOrigin(origin: string): boolean {
    const allowed = [new URL(this.appUrl).origin, ...this.config.allowedOrigins];
    if (this.config.production) return allowed.includes(origin);
    const key = sameSiteKey(origin);
    if (key === null) return false;
    return [...allowed, ...DEV_ORIGINS].some((candidate) => sameSiteKey(candidate) === key);
  }
}

/** The origin with every loopback name written as `localhost`. */
function sameSiteKey(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.origin === 'null') return null;
  if (LOOPBACK_HOSTS.has(url.hostname)) url.hostname = 'localhost';
  return url.origin;
}
