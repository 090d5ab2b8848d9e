import { parseUserAgent } from './device';

describe('parseUserAgent', () => {
  it.each([
    [
      'Chrome on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      { deviceType: 'desktop', browser: 'Chrome 131', os: 'Windows 10' },
    ],
    [
      'Safari on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      { deviceType: 'mobile', browser: 'Mobile Safari 17', os: 'iOS 17.5' },
    ],
    [
      'Firefox on Ubuntu',
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      { deviceType: 'desktop', browser: 'Firefox 128', os: 'Ubuntu' },
    ],
    [
      'Chrome on an Android tablet',
      'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      { deviceType: 'tablet', browser: 'Chrome 120', os: 'Android 13' },
    ],
    [
      'Edge on macOS',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67',
      { deviceType: 'desktop', browser: 'Edge 124', os: 'Mac OS 10.15.7' },
    ],
    ['curl', 'curl/8.5.0', { deviceType: null, browser: null, os: null }],
    ['no user agent', null, { deviceType: null, browser: null, os: null }],
  ])('%s', (_name, userAgent, expected) => {
    expect(parseUserAgent(userAgent)).toEqual(expected);
  });
});
