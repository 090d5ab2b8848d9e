import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { formatError, isExpectedError } from './errors';

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
