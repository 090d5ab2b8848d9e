import type { PublicSite } from '../../http/public-site';

/** Vite's dev server, whose pages may use passkeys of a `localhost` APP_URL outside production. */
const DEV_ORIGINS = ['http://localhost:5173'];

/** Who the browser's passkeys are for, and the pages that may use them. */
export interface RelyingParty {
  /** APP_URL's host name: passkeys are bound to it (and work on its subdomains). */
  id: string;
  name: string;
  /** Origins a ceremony's client data may name: APP_URL's, and ALLOWED_ORIGINS under the same host. */
  origins: string[];
}

export interface RelyingPartyOptions {
  name: string;
  production: boolean;
  allowedOrigins: readonly string[];
}

/**
 * The relying party, from APP_URL (read each time: without APP_URL it follows the port the
 * server listens on). An IP address cannot be a relying-party id, so APP_URL must name a host
 * (`localhost` works: browsers treat http://localhost as a secure context).
 */
export function relyingParty(site: PublicSite, options: RelyingPartyOptions): RelyingParty {
  const app = new URL(site.appUrl);
  const id = app.hostname;
  const underId = (origin: string) => {
    const host = new URL(origin).hostname;
    return host === id || host.endsWith(`.${id}`);
  };
  const extra = [
    ...options.allowedOrigins,
    ...(options.production || id !== 'localhost' ? [] : DEV_ORIGINS),
  ].filter(underId);
  return { id, name: options.name, origins: [...new Set([app.origin, ...extra])] };
}
