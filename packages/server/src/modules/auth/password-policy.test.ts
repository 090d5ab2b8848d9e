import { isCommonPassword, passwordPolicyProblem, type PasswordContext } from './password-policy';

const TOO_COMMON = 'PASSWORD_TOO_COMMON';
const CONTEXT = 'PASSWORD_HAS_CONTEXT_WORD';

const sam: PasswordContext = {
  email: 'sam.taylor@example.com',
  fullName: 'Sam Taylor',
  organizationNames: ['Northwind Dental'],
};
const jonathan: PasswordContext = {
  email: 'jonathan.doe@example.com',
  fullName: 'Jonathan Doe',
  organizationNames: ['Northwind Dental'],
};

describe('passwordPolicyProblem', () => {
  // Every one has an uppercase letter, a number and a special character: only the list refuses it.
  it.each([
    'Password123!',
    'Password1!',
    'P@ssw0rd!',
    'P@$$w0rd2024',
    'Passw0rd!',
    'Qwerty123!',
    '!Qwerty12',
    'Welcome1!',
    'Letmein2023!',
    'Iloveyou!1',
    'Dragon#2020',
    'Monkey12$',
    'Football1!',
    'Sunshine!23',
    'Princess1@',
    'Trustno1!',
    'Tru5tno1!',
    'Admin123!',
    'Abc12345!',
    'Summer2024!',
    'Baseball1!',
    'Sh@d0w2023!',
    'M@ster123',
    'Superman#1',
    'B@tman2024',
    'Michael1990!',
    'Starwars!77',
    'Fr33dom!2022',
    'Wh@tever1',
    'Ch@rlie99!',
    'H3llo!2023',
    '2024Mustang!',
    '#1Pokemon',
    'Liverp00l!',
    'S0ccer#10',
    'C0mputer!',
    'Blink182!',
  ])('refuses the disguised common password %s', (password) => {
    expect(passwordPolicyProblem(password, sam)).toBe(TOO_COMMON);
  });

  it.each<[string, PasswordContext]>([
    ['Atrium2024!', sam],
    ['Atr1um!!99', sam],
    ['@Trium#2025', sam],
    ['AtriumPassword1!', sam],
    ['Sam.Taylor1!', sam],
    ['Taylor#2024', sam],
    ['Northwind#2024', sam],
    ['N0rthw1nd!Dental', sam],
    ['Jonathan.Doe1!', jonathan],
    ['J0nathan2024!', jonathan],
    ['Doe-Jonathan-1', jonathan],
    ['Jonathan!Dragon1', jonathan],
    ['Jdoe1985!', { email: 'jdoe1985@example.com' }],
    ['Jdoe!2024', { email: 'jdoe1985@example.com' }],
    // Once used by the end-to-end tests, the bench and the security timeline test: each is
    // only the product's or the person's name, an email piece, 'pass' and digits.
    ['Atrium-e2e-Pass-42!', { email: 'e2e-1717171-ab12cd@example.com', fullName: 'Grace Hopper' }],
    ['Bench-pass-1', { email: 'bench-1717171@example.test', fullName: 'Bench' }],
    ['Timeline-pass-2', { email: 'timeline-1-x@example.test', fullName: 'Timeline' }],
  ])('refuses %s, made of context words', (password, context) => {
    expect(passwordPolicyProblem(password, context)).toBe(CONTEXT);
  });

  it.each<[string, PasswordContext]>([
    ['Correct-horse-9', sam],
    ['Tr0mbone!Galaxy7', sam],
    ['vK8#qT2!mZ', sam],
    ['Xq7$Lp9@Wd', sam],
    ['Pine-Kettle-Orbit-83', sam],
    ['Abc!8302#9174$', sam],
    ['Ñandú-٣٤٥x', sam],
    ['Doe-eyed-Tangerine-7', jonathan],
    ['Atrium-is-my-Favourite-App-7', jonathan],
    [`A1!${'x'.repeat(197)}`, sam],
    // The passwords the integration and end-to-end tests sign up, change or reset with.
    [
      'Violet-Harbor-Lamp-42!',
      { email: 'e2e-1717171-ab12cd@example.com', fullName: 'Grace Hopper' },
    ],
    [
      'Fresh-Start-2-Passphrase!',
      { email: 'e2e-1717171-ab12cd@example.com', fullName: 'Katherine Johnson' },
    ],
    ['Quiet-Lantern-Orbit-1', { email: 'bench-1717171@example.test', fullName: 'Bench' }],
    ['Analytical-Engine-1', { email: 'ada@example.com', fullName: 'Ada Lovelace' }],
    ['Brand-New-Password-2', { email: 'ada@example.com', fullName: 'Ada Lovelace' }],
    ['Better-pass-42', { email: 'policy-1-x@example.test', fullName: 'Policy' }],
    ['Brand-new-pass-7', { email: 'reset-1-x@example.test', fullName: 'Reset' }],
    ['Another-pass-8', { email: 'reset-1-x@example.test', fullName: 'Reset' }],
    ['Racing-pass-7!', { email: 'reset-1-x@example.test', fullName: 'Reset Racer' }],
    ['Another-good-1', { email: 'sudo-1-x@example.test', fullName: 'Sudo Person' }],
    ['Copper-Kite-Meadow-2', { email: 'timeline-1-x@example.test', fullName: 'Timeline' }],
    [`Long-${'y'.repeat(190)}-9`, { email: 'changer-1-x@example.test', fullName: 'Changer' }],
  ])('accepts %s', (password, context) => {
    expect(passwordPolicyProblem(password, context)).toBeNull();
  });

  it('still names the first unmet rule, and the email itself', () => {
    expect(passwordPolicyProblem('Ab1!', sam)).toBe('PASSWORD_TOO_SHORT');
    expect(passwordPolicyProblem('password123!', sam)).toBe('PASSWORD_NEEDS_UPPERCASE');
    expect(
      passwordPolicyProblem('Sam.Taylor1@Example.com', { email: 'sam.taylor1@example.com' }),
    ).toBe('PASSWORD_IS_EMAIL');
  });
});

describe('isCommonPassword', () => {
  it('does not look up a short word left among many digits and symbols', () => {
    expect(isCommonPassword('Abc123')).toBe(true);
    expect(isCommonPassword('Abc!8302#9174$')).toBe(false);
  });

  it('stays fast on a long run of digits and symbols', () => {
    const started = Date.now();
    expect(isCommonPassword(`Password${'1!'.repeat(500)}`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
