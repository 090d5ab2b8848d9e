import { logInPathFor, safeNextPath } from '../nextPath';

describe('safeNextPath', () => {
  it.each(['/settings/team', '/settings/profile?x=1#top', '/'])('accepts %s', (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    null,
    '',
    'settings',
    '//evil.com',
    '///evil.com',
    '/\\evil.com',
    'https://evil.com',
    'javascript:alert(1)',
    '/\tevil',
    '/\nevil',
  ])('rejects %p', (path) => {
    expect(safeNextPath(path)).toBeNull();
  });
});

describe('logInPathFor', () => {
  it('encodes the path as `next`', () => {
    expect(logInPathFor('/settings/team?a=1&b=2')).toBe(
      '/login?next=%2Fsettings%2Fteam%3Fa%3D1%26b%3D2',
    );
  });
});
