/** @jest-environment node */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { apiErrorFromBody, toApiError } from '../apiError';

describe('toApiError', () => {
  it('reads the code and the reason, with its params, of each refused field', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'Invalid input: email, input.password',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: {
              email: 'Enter a valid email address',
              'input.password': 'Use at most 9 characters',
            },
            reasons: { email: 'INVALID_EMAIL', 'input.password': 'TOO_LONG' },
            fieldParams: { 'input.password': { max: 9 } },
          },
        },
      ],
    });

    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      problem: { reason: null, params: {} },
      message: 'Invalid input: email, input.password',
      fieldProblems: {
        email: { reason: 'INVALID_EMAIL', params: {} },
        password: { reason: 'TOO_LONG', params: { max: 9 } },
      },
      retryAfterSeconds: null,
    });
  });

  it("reads the whole error's reason and params, and knows no reason it cannot translate", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'As ADMIN you cannot remove a OWNER',
          extensions: {
            code: 'FORBIDDEN',
            reason: 'ROLE_CANNOT_REMOVE',
            params: { role: 'ADMIN', targetRole: 'OWNER' },
          },
        },
      ],
    });
    expect(toApiError(error)).toMatchObject({
      code: 'FORBIDDEN',
      problem: { reason: 'ROLE_CANNOT_REMOVE', params: { role: 'ADMIN', targetRole: 'OWNER' } },
    });

    const newer = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'Invalid input: email',
          extensions: {
            code: 'CONFLICT',
            reason: 'SOMETHING_NEW',
            fields: { email: 'Something new' },
            reasons: { email: 'SOMETHING_NEW' },
          },
        },
      ],
    });
    expect(toApiError(newer)).toMatchObject({
      problem: { reason: null },
      fieldProblems: { email: { reason: null, params: {} } },
    });
  });

  it('reads retryAfterSeconds from a RATE_LIMITED answer sent with a 429 status', () => {
    const body = JSON.stringify({
      errors: [
        { message: 'Slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } },
      ],
    });
    const error = new ServerError('Response not successful', {
      response: new Response(body, { status: 429 }),
      bodyText: body,
    });

    expect(toApiError(error)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
  });

  it('treats anything else as a network failure', () => {
    expect(toApiError(new TypeError('Failed to fetch'))).toMatchObject({
      code: 'NETWORK',
      fieldProblems: {},
    });
  });
});

describe('apiErrorFromBody', () => {
  it('reads the error JSON of a plain HTTP endpoint such as POST /avatar', () => {
    const body = JSON.stringify({
      errors: [
        {
          message: 'Invalid input: avatar',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: { avatar: 'Choose an image file' },
            reasons: { avatar: 'AVATAR_FILE_MISSING' },
          },
        },
      ],
    });

    expect(apiErrorFromBody(body)).toEqual({
      code: 'BAD_USER_INPUT',
      problem: { reason: null, params: {} },
      message: 'Invalid input: avatar',
      fieldProblems: { avatar: { reason: 'AVATAR_FILE_MISSING', params: {} } },
      retryAfterSeconds: null,
    });
  });

  it.each(['<html>413 Request Entity Too Large</html>', '{}', '{"errors":[]}'])(
    "gives null for an answer that is not the API's: %s",
    (body) => {
      expect(apiErrorFromBody(body)).toBeNull();
    },
  );
});
