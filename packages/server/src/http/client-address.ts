import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { ClientInfo } from '../caller/caller';

/** TRUSTED_PROXIES entries: addresses (`10.0.0.5`) or networks (`10.0.0.0/8`, `fd00::/8`). */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/**
 * The caller's IP: the socket's peer, or the nearest untrusted hop of X-Forwarded-For when the
 * peer is one of our configured proxies. Anyone else's X-Forwarded-For is ignored.
 */
export function clientAddress(request: IncomingMessage, trustedProxies: BlockList): string | null {
  const peer = normalize(request.socket.remoteAddress ?? null);
  if (!peer || !isTrusted(trustedProxies, peer)) return peer;
  const forwarded = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((hop) => normalize(hop.trim()))
    .filter((hop): hop is string => hop !== null && isIP(hop) !== 0);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!isTrusted(trustedProxies, hops[i])) return hops[i];
  }
  return hops[0] ?? peer;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

function normalize(address: string | null): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** The caller's address and user agent; the address is worked out only if something asks. */
export function lazyClientInfo(request: IncomingMessage, trustedProxies: BlockList): ClientInfo {
  let ip: string | null | undefined;
  return {
    get ip() {
      if (ip === undefined) ip = clientAddress(request, trustedProxies);
      return ip;
    },
    userAgent: request.headers['user-agent'] ?? null,
  };
}
