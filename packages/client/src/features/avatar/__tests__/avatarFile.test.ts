import { AVATAR_MAX_BYTES, avatarFileProblem, initialsOf } from '../avatarFile';

describe('avatarFileProblem', () => {
  it.each(['image/png', 'image/jpeg', 'image/webp'])('accepts %s', (type) => {
    expect(avatarFileProblem({ type, size: 1000 })).toBeNull();
  });

  it.each(['image/gif', 'image/svg+xml', 'application/pdf', ''])('refuses %p', (type) => {
    expect(avatarFileProblem({ type, size: 1000 })).toBe('type');
  });

  it('takes up to exactly 2 MB', () => {
    expect(avatarFileProblem({ type: 'image/png', size: AVATAR_MAX_BYTES })).toBeNull();
    expect(avatarFileProblem({ type: 'image/png', size: AVATAR_MAX_BYTES + 1 })).toBe('size');
    expect(avatarFileProblem({ type: 'image/png', size: 0 })).toBe('empty');
  });
});

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Ada King Lovelace', 'AL'],
    ['  grace  ', 'G'],
    ['élodie durand', 'ÉD'],
  ])('%p → %p', (fullName, initials) => {
    expect(initialsOf(fullName, 'x@example.com')).toBe(initials);
  });

  it('falls back to the email address', () => {
    expect(initialsOf('', 'ada@example.com')).toBe('A');
  });
});
