/** @jest-environment node */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { apiErrorFromBody, toApiError } from '../apiError';

describe('toApiError', () => {
  it('reads the code and per-field messages of BAD_USER_INPUT', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: { email: 'Enter a valid email', 'input.password': 'Too short' },
          },
        },
      ],
    });

    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input',
      fieldErrors: { email: 'Enter a valid email', password: 'Too short' },
      retryAfterSeconds: null,
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
      fieldErrors: {},
    });
  });
});

describe('apiErrorFromBody', () => {
  it('reads the error JSON of a plain HTTP endpoint such as POST /avatar', () => {
    const body = JSON.stringify({
      errors: [
        {
          message: 'Invalid input: avatar',
          extensions: { code: 'BAD_USER_INPUT', fields: { avatar: 'Choose an image file' } },
        },
      ],
    });

    expect(apiErrorFromBody(body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input: avatar',
      fieldErrors: { avatar: 'Choose an image file' },
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
