import type { ReasonTable } from '../../graphql/error-codes';

/** Exports, deactivation, deletion and recordings deletion. `{organizations}` lists names. */
export const PRIVACY_REASONS = {
  DATA_EXPORT_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such data export' },
  DATA_EXPORT_IN_PROGRESS: {
    code: 'CONFLICT',
    message: 'An export is already being prepared; wait for it to finish',
  },
  DATA_EXPORT_EXPIRED: { code: 'CONFLICT', message: 'This export has expired; request a new one' },
  DATA_EXPORT_NOT_READY: { code: 'CONFLICT', message: 'This export is not ready yet' },
  DATA_EXPORT_SESSION_REQUIRED: {
    code: 'FORBIDDEN',
    message: 'Sign in as the account that requested this export to download it',
  },
  ACCOUNT_DEACTIVATED: {
    code: 'FORBIDDEN',
    message:
      'This account is deactivated. We have sent a link to its email address to reactivate it',
  },
  ACCOUNT_DELETION_NOT_SCHEDULED: {
    code: 'CONFLICT',
    message: 'No deletion of this account is scheduled',
  },
  ACCOUNT_DELETION_ALREADY_SCHEDULED: {
    code: 'CONFLICT',
    message: 'The deletion of this account is already scheduled',
  },
  OWNER_MUST_TRANSFER_OWNERSHIP: {
    code: 'CONFLICT',
    message:
      'You own organizations with other members ({organizations}); transfer their ownership first',
  },
  RECORDINGS_DELETION_NOT_FOUND: {
    code: 'NOT_FOUND',
    message: 'No such recordings deletion request',
  },
} as const satisfies ReasonTable;
