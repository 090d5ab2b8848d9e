import type { ReasonTable } from '../../graphql/error-codes';

/** The avatar upload (`POST /avatar`, beside GraphQL) and its image checks. */
export const AVATAR_REASONS = {
  AVATAR_FILE_MISSING: { code: 'BAD_USER_INPUT', message: 'Choose an image file' },
  AVATAR_TOO_LARGE: { code: 'BAD_USER_INPUT', message: 'Choose an image of at most 2 MB' },
  AVATAR_TYPE_UNSUPPORTED: {
    code: 'BAD_USER_INPUT',
    message: 'Choose a PNG, JPEG or WebP image',
  },
  AVATAR_UNREADABLE: { code: 'BAD_USER_INPUT', message: 'This image could not be read' },
  AVATAR_NOT_SHRINKABLE: {
    code: 'BAD_USER_INPUT',
    message: 'This image could not be made small enough',
  },
  AVATAR_UPLOAD_HEADER_MISSING: { code: 'FORBIDDEN', message: 'Uploads need the {header} header' },
  AVATAR_UPLOAD_ORIGIN_REFUSED: {
    code: 'FORBIDDEN',
    message: 'Uploads are taken from the app’s own pages only ({origin} is not one)',
  },
  API_KEY_HAS_NO_AVATAR: { code: 'FORBIDDEN', message: 'An API key has no avatar' },
  HTTP_METHOD_NOT_ALLOWED: { code: 'BAD_USER_INPUT', message: 'Use {method}' },
} as const satisfies ReasonTable;
