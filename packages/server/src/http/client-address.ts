import type { IncomingMessage } from 'node:http';

/**
 * The caller's IP: the socket's peer, or the nearest untrusted hop of X-Forwarded-For when the
 * peer is one of our configured proxies. Anyone else's X-Forwarded-For is ignored.
 */
export function clientAddress(
  request: IncomingMessage,
  trustedProxies: ReadonlySet<string>,
): string | null {
  const peer = normalize(request.socket.remoteAddress ?? null);
  if (!peer || !trustedProxies.has(peer)) return peer;
  const forwarded = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((hop) => normalize(hop.trim()))
    .filter((hop): hop is string => Boolean(hop));
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!trustedProxies.has(hops[i])) return hops[i];
  }
  return hops[0] ?? peer;
}

function normalize(address: string | null): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
