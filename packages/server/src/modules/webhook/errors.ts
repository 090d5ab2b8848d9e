import type { ReasonTable } from '../../graphql/error-codes';

export const WEBHOOK_REASONS = {
  WEBHOOK_ENDPOINT_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such webhook endpoint' },
  WEBHOOK_DELIVERY_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such webhook delivery' },
  WEBHOOK_URL_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Enter a URL such as https://example.com/webhooks (no user name or password in it)',
  },
  WEBHOOK_URL_HTTPS_REQUIRED: {
    code: 'BAD_USER_INPUT',
    message: 'Webhook URLs must start with https://',
  },
  WEBHOOK_URL_PRIVATE: {
    code: 'BAD_USER_INPUT',
    message: 'Webhooks can only go to public addresses, not to local or private networks',
  },
  WEBHOOK_EVENT_TYPES_REQUIRED: {
    code: 'BAD_USER_INPUT',
    message: 'Choose at least one event type',
  },
  WEBHOOK_EVENT_TYPE_UNKNOWN: {
    code: 'BAD_USER_INPUT',
    message: '{type} is not an event type (see webhookEventTypes)',
  },
  WEBHOOK_EVENT_TYPE_NOT_PUBLISHABLE: {
    code: 'BAD_USER_INPUT',
    message: '{type} is sent by Atrium itself and cannot be published',
  },
  WEBHOOK_EVENT_DATA_TOO_LARGE: {
    code: 'BAD_USER_INPUT',
    message: 'Event data can be at most {max} bytes of JSON',
  },
  WEBHOOK_IDEMPOTENCY_KEY_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'An idempotency key is 1 to {max} characters',
  },
  WEBHOOK_IDEMPOTENCY_KEY_REUSED: {
    code: 'CONFLICT',
    message: 'This idempotency key was used in the last 24 hours for a different event',
  },
  WEBHOOK_ENDPOINT_LIMIT_REACHED: {
    code: 'CONFLICT',
    message: 'An organization can have at most {max} webhook endpoints',
  },
  WEBHOOK_RECOVER_SINCE_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Choose a time in the past {days} days',
  },
} as const satisfies ReasonTable;
