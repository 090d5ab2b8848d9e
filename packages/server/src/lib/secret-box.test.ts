import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(64), 'totp');

  it('opens what it sealed, with a fresh IV every time', () => {
    const secret = Buffer.from('twenty-byte-secret!!');
    const first = box.seal(secret);
    expect(box.open(first)).toEqual(secret);
    expect(box.seal(secret)).not.toBe(first);
    expect(first).not.toContain(secret.toString('base64url'));
  });

  it('refuses tampered data and other keys or purposes', () => {
    const sealed = box.seal(Buffer.from('secret'));
    const parts = sealed.split('.');
    parts[3] = Buffer.from('xxxxxx').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('k'.repeat(64), 'other').open(sealed)).toThrow();
    expect(() => new SecretBox('j'.repeat(64), 'totp').open(sealed)).toThrow();
  });
});
