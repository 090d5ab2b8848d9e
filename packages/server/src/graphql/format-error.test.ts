import { GraphQLError } from 'graphql';
import { ArgumentValidationError, AuthenticationError } from 'type-graphql';
import { Matches, validate, ValidationError } from 'class-validator';
import { formatError, isExpectedError } from './format-error';
import { MaxChars } from './max-chars';
import { withReason } from './validation-reasons';

/** As graphql-js hands errors to Apollo: the resolver's error inside a located GraphQLError. */
const located = (original: Error) =>
  new GraphQLError(original.message, { path: ['signUp'], originalError: original });

describe('formatError', () => {
  it("turns class-validator's findings into BAD_USER_INPUT with fields", () => {
    const finding = Object.assign(new ValidationError(), {
      property: 'fullName',
      constraints: { maxChars: 'Use at most 100 characters' },
      children: [],
    });
    const error = located(new ArgumentValidationError([finding]));
    expect(formatError(error.toJSON(), error)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: { fullName: 'Use at most 100 characters' } },
    });
    expect(isExpectedError(error)).toBe(true);
  });

  it('answers the reason (and params) a validator was given, per field', async () => {
    class Profile {
      @MaxChars(5)
      fullName: string;

      @Matches(/^[a-z]+$/, withReason('USERNAME_INVALID'))
      username: string;

      @Matches(/\S/)
      nickname: string;
    }
    const findings = await validate(
      Object.assign(new Profile(), { fullName: 'Ada Lovelace', username: 'A!', nickname: ' ' }),
    );
    const error = located(new ArgumentValidationError(findings));
    expect(formatError(error.toJSON(), error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: {
        fullName: 'Use at most 5 characters',
        username:
          'Use 3–30 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit',
        nickname: 'nickname must match /\\S/ regular expression',
      },
      // A validator given no reason is INVALID_VALUE; its own message stays in `fields`.
      reasons: { fullName: 'TOO_LONG', username: 'USERNAME_INVALID', nickname: 'INVALID_VALUE' },
      fieldParams: { fullName: { max: 5 } },
    });
  });

  it("gives TypeGraphQL's own sign-in refusal (from @Authorized) our reason", () => {
    const error = located(new AuthenticationError());
    expect(formatError(error.toJSON(), error).extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
  });

  // validator.js's isEmail threw URIError on a lone surrogate; TypeGraphQL wrapped that in an
  // ArgumentValidationError, and formatError crashed iterating it ('errors is not iterable').
  it('masks a validator that crashed instead of crashing itself, and has it logged', () => {
    const error = located(
      new ArgumentValidationError(new URIError('URI malformed') as unknown as ValidationError[]),
    );
    expect(formatError(error.toJSON(), error)).toEqual({
      message: 'Internal server error',
      path: ['signUp'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(isExpectedError(error)).toBe(false);
  });
});
