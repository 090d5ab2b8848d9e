import { Resolver } from 'node:dns/promises';

/** The TXT strings published at a name (each record's chunks joined); [] when there are none. */
export type TxtLookup = (name: string) => Promise<string[]>;

const ABSENT = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

/** A resolver of its own, on DNS_SERVERS when configured (tests run a local DNS server). */
export function createTxtLookup(servers: string[]): TxtLookup {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers.length > 0) resolver.setServers(servers);
  return async (name) => {
    try {
      const records = await resolver.resolveTxt(name);
      return records.map((chunks) => chunks.join(''));
    } catch (error) {
      if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return [];
      throw error;
    }
  };
}
