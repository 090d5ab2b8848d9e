import { loadConfig } from '../config/env';
import { PublicSite } from './public-site';

const site = (env: Record<string, string>) =>
  new PublicSite(
    loadConfig({ DATABASE_URL: 'sqlite::memory:', SECRET_KEY: 'k'.repeat(32), ...env }),
  );

describe('PublicSite', () => {
  it('without APP_URL is http://localhost on the port in use', () => {
    expect(site({ PORT: '37746' }).appUrl).toBe('http://localhost:37746');
    expect(site({}).appUrl).toBe('http://localhost:4000');
    const ephemeral = site({ PORT: '0' });
    ephemeral.listeningOn(41234);
    expect(ephemeral.appUrl).toBe('http://localhost:41234');
  });

  it('keeps APP_URL whatever the port', () => {
    const configured = site({ PORT: '0', APP_URL: 'https://app.example.com/' });
    configured.listeningOn(41234);
    expect(configured.appUrl).toBe('https://app.example.com');
    expect(configured.allowsOrigin('https://app.example.com')).toBe(true);
    expect(configured.allowsOrigin('http://localhost:41234')).toBe(false);
  });

  it('outside production takes every loopback name of its own port as the same site', () => {
    const dev = site({ PORT: '37746' });
    for (const origin of [
      'http://localhost:37746',
      'http://127.0.0.1:37746',
      'http://[::1]:37746',
      'http://127.0.0.1:5173',
    ])
      expect(dev.allowsOrigin(origin)).toBe(true);
    for (const origin of [
      'http://127.0.0.1:37747',
      'https://localhost:37746',
      'http://evil.example',
      'null',
      'not a url',
    ])
      expect(dev.allowsOrigin(origin)).toBe(false);
  });

  it('in production takes only APP_URL’s origin and ALLOWED_ORIGINS, exactly', () => {
    const production = site({
      NODE_ENV: 'production',
      APP_URL: 'http://localhost:8080',
      ALLOWED_ORIGINS: 'https://admin.example.com',
    });
    expect(production.allowsOrigin('http://localhost:8080')).toBe(true);
    expect(production.allowsOrigin('https://admin.example.com')).toBe(true);
    expect(production.allowsOrigin('http://127.0.0.1:8080')).toBe(false);
    expect(production.allowsOrigin('http://localhost:5173')).toBe(false);
  });
});
