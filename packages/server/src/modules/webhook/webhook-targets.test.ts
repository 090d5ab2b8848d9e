import type { LookupAddress } from 'node:dns';
import { checkWebhookUrl, guardedLookup, isPublicAddress } from './webhook-targets';

const production = { httpsOnly: true, allowPrivateTargets: false };
const development = { httpsOnly: false, allowPrivateTargets: true };

const NOT_PUBLIC = [
  '127.0.0.1',
  '127.8.9.10',
  '::1',
  '10.0.0.1',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '255.255.255.255',
  '::',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '64:ff9b::a9fe:a9fe',
  '2002:7f00:1::',
  'fd00:ec2::254',
  'fc00::1',
  'fe80::1',
  'ff02::1',
  '2001:db8::1',
];

describe('addresses', () => {
  it.each(NOT_PUBLIC)('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('URLs', () => {
  it('in production: https only, and no literal private address or local name', () => {
    expect(checkWebhookUrl('https://hooks.example.com/in', production)).toBeNull();
    expect(checkWebhookUrl('http://hooks.example.com/in', production)).toBe(
      'WEBHOOK_URL_HTTPS_REQUIRED',
    );
    for (const host of [
      '127.0.0.1',
      '[::1]',
      '10.1.2.3',
      '172.16.5.4',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.1.1',
      '[::ffff:127.0.0.1]',
      '2130706433',
      '0x7f.1',
      'localhost',
      'api.localhost',
    ]) {
      expect([host, checkWebhookUrl(`https://${host}/hook`, production)]).toEqual([
        host,
        'WEBHOOK_URL_PRIVATE',
      ]);
    }
  });

  it('outside production (by default), local receivers are allowed', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', development)).toBeNull();
  });

  it('refuses what is not an http(s) URL, or carries credentials', () => {
    for (const url of ['hooks.example.com', 'ftp://example.com/', 'https://a:b@example.com/']) {
      expect(checkWebhookUrl(url, development)).toBe('WEBHOOK_URL_INVALID');
    }
  });
});

describe('the lookup the HTTP agents use', () => {
  const lookupOf = (addresses: string[], policy = production) =>
    guardedLookup(async () => addresses, policy);

  function resolve(
    lookup: ReturnType<typeof lookupOf>,
    all: boolean,
  ): Promise<string | LookupAddress[]> {
    return new Promise((done, reject) =>
      lookup('hooks.example.com', { all }, (error, address) =>
        error ? reject(error) : done(address as string | LookupAddress[]),
      ),
    );
  }

  it('refuses a name when any of its addresses is private (DNS rebinding included)', async () => {
    await expect(resolve(lookupOf(['93.184.216.34', '10.0.0.7']), true)).rejects.toThrow(
      /resolves to 10\.0\.0\.7, not a public address/,
    );
    await expect(resolve(lookupOf(['fd00::1']), false)).rejects.toThrow(/fd00::1/);
  });

  it('hands public addresses over in both shapes', async () => {
    expect(await resolve(lookupOf(['93.184.216.34']), false)).toBe('93.184.216.34');
    expect(await resolve(lookupOf(['93.184.216.34', '2606:4700::1']), true)).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
  });

  it('lets private addresses through when allowed', async () => {
    expect(await resolve(lookupOf(['127.0.0.1'], development), false)).toBe('127.0.0.1');
  });
});
