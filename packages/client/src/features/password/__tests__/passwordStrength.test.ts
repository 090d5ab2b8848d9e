import { passwordStrength } from '../passwordStrength';

describe('passwordStrength', () => {
  it('is empty before anything is typed', () => {
    expect(passwordStrength('')).toEqual({ score: 0, level: 'empty', missing: [] });
  });

  it('names every rule still unmet, as the server would refuse it', () => {
    expect(passwordStrength('abc')).toEqual({
      score: 1,
      level: 'tooWeak',
      missing: ['length', 'uppercase', 'number', 'special'],
    });
    expect(passwordStrength('Abcdefg1').missing).toEqual(['special']);
  });

  it('counts letters, digits and symbols of any script', () => {
    expect(passwordStrength('Ñandú-٣٤٥x').missing).toEqual([]);
    expect(passwordStrength('Abcdefg1 ').missing).toEqual(['special']); // a space is not one
  });

  it('refuses the email address itself, whatever its case', () => {
    const email = 'Ada.Lovelace1@example.com';
    expect(passwordStrength('ada.lovelace1@EXAMPLE.com', email)).toEqual({
      score: 1,
      level: 'tooWeak',
      missing: ['notEmail'],
    });
    expect(passwordStrength('ada.lovelace1@example.com', email).missing).toEqual([
      'uppercase',
      'notEmail',
    ]);
  });

  it('grows with length once the policy is met', () => {
    expect(passwordStrength('Abcdef1!').level).toBe('fair');
    expect(passwordStrength('Abcdef1!abcd').level).toBe('good');
    expect(passwordStrength('Abcdef1!abcdefgh')).toEqual({
      score: 4,
      level: 'strong',
      missing: [],
    });
  });
});
