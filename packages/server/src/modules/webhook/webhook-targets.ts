import { lookup as systemLookup } from 'node:dns/promises';
import { Resolver } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { WebhookConfig } from '../../config/env';
import { WEBHOOK_URL_MAX_CHARS } from './webhook-endpoint.entity';

/** Where webhooks may go: https only (production), and whether private addresses are allowed. */
export type TargetPolicy = Pick<WebhookConfig, 'httpsOnly' | 'allowPrivateTargets'>;

export type UrlProblem =
  'WEBHOOK_URL_INVALID' | 'WEBHOOK_URL_HTTPS_REQUIRED' | 'WEBHOOK_URL_PRIVATE';

/**
 * Public unicast only. ipaddr.js names every special range (loopback, private, linkLocal with
 * 169.254.169.254, carrierGradeNat, multicast, uniqueLocal, unspecified, reserved, broadcast, and
 * the IPv6 forms that embed an IPv4 address: mapped, NAT64 rfc6052, 6to4, teredo); an
 * IPv4-mapped IPv6 address is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Names that mean this machine whatever DNS says (RFC 6761). */
function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The hostname of a URL without IPv6 brackets. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * What can be told of a URL before connecting: a well-formed http(s) URL without credentials,
 * https in production, and no literal private address or local name unless allowed. A name
 * that resolves to a private address is caught when connecting (`guardedLookup`).
 */
export function checkWebhookUrl(raw: string, policy: TargetPolicy): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'WEBHOOK_URL_INVALID';
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname) return 'WEBHOOK_URL_INVALID';
  if (url.username || url.password || raw.length > WEBHOOK_URL_MAX_CHARS) {
    return 'WEBHOOK_URL_INVALID';
  }
  if (policy.httpsOnly && url.protocol !== 'https:') return 'WEBHOOK_URL_HTTPS_REQUIRED';
  if (policy.allowPrivateTargets) return null;
  const host = bareHostname(url);
  if (isIP(host) !== 0 ? !isPublicAddress(host) : isLocalName(host)) return 'WEBHOOK_URL_PRIVATE';
  return null;
}

/** Refused before or while connecting; the attempt's error says which address and why. */
export class TargetRefusedError extends Error {
  readonly code = 'EWEBHOOKTARGET';
}

type Resolve = (hostname: string) => Promise<string[]>;

/** Every address of a name: from DNS_SERVERS when configured, else the system's resolver. */
export function createResolve(servers: readonly string[]): Resolve {
  if (servers.length === 0) {
    return async (hostname) =>
      (await systemLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
  }
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  resolver.setServers([...servers]);
  return async (hostname) => {
    const [v4, v6] = await Promise.allSettled([
      resolver.resolve4(hostname),
      resolver.resolve6(hostname),
    ]);
    const found = [v4, v6].flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    if (found.length > 0) return found;
    throw v4.status === 'rejected' ? v4.reason : new Error(`${hostname} has no address`);
  };
}

/** A literal-address host is not looked up by Node: checked here, before the request. */
export function checkLiteralHost(url: URL, policy: TargetPolicy): void {
  const host = bareHostname(url);
  if (!policy.allowPrivateTargets && isIP(host) !== 0 && !isPublicAddress(host)) {
    throw new TargetRefusedError(`refused: ${host} is not a public address`);
  }
}

/**
 * The `lookup` of the HTTP agents: resolves the name, then refuses the connection when any of
 * its addresses is not public (unless allowed). The check happens here, right before the socket
 * connects to the very address checked, so a name that changes its answer (DNS rebinding)
 * cannot slip through between a check and the connection.
 */
export function guardedLookup(resolve: Resolve, policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((address) => !wanted || isIP(address) === wanted);
        const refused = policy.allowPrivateTargets
          ? undefined
          : usable.find((address) => !isPublicAddress(address));
        if (refused) {
          callback(
            new TargetRefusedError(
              `refused: ${hostname} resolves to ${refused}, not a public address`,
            ),
            '',
          );
        } else if (usable.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          error.code = 'ENOTFOUND';
          callback(error, '');
        } else if (options.all) {
          callback(
            null,
            usable.map((address) => ({ address, family: isIP(address) })),
          );
        } else {
          callback(null, usable[0], isIP(usable[0]));
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
