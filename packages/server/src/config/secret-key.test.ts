import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './env';
import { resolveSecretKey } from './secret-key';

describe('resolveSecretKey', () => {
  it('uses SECRET_KEY when it is set', () => {
    const config = loadConfig({ SECRET_KEY: 'k'.repeat(40), DATABASE_URL: 'sqlite::memory:' });
    expect(resolveSecretKey(config)).toBe('k'.repeat(40));
  });

  it('outside production generates a key once into the data directory and keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atrium-key-'));
    const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'data', 'db.sqlite')}` });
    const first = resolveSecretKey(config);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveSecretKey(config)).toBe(first);
    const file = path.join(dir, 'data', 'secret.key');
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
