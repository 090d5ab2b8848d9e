import { typed } from './graphql';

const DATA_EXPORT = 'id status createdAt expiresAt sizeBytes downloadUrl';

export interface DataExportFields {
  id: string;
  status: 'PENDING' | 'READY' | 'EXPIRED' | 'FAILED';
  createdAt: string;
  expiresAt: string | null;
  sizeBytes: number | null;
  downloadUrl: string | null;
}

export interface AccountStatusFields {
  id: string;
  status: 'ACTIVE' | 'DEACTIVATED' | 'PENDING_DELETION';
  deletionScheduledFor: string | null;
}

export const RequestDataExport = typed<{ requestDataExport: DataExportFields }>(
  `mutation RequestDataExport { requestDataExport { ${DATA_EXPORT} } }`,
);

export const MyDataExports = typed<{ myDataExports: DataExportFields[] }>(
  `query MyDataExports { myDataExports { ${DATA_EXPORT} } }`,
);

export const DeleteDataExport = typed<{ deleteDataExport: boolean }, { id: string }>(
  `mutation DeleteDataExport($id: ID!) { deleteDataExport(id: $id) }`,
);

export const DeactivateAccount = typed<{ deactivateAccount: boolean }>(
  `mutation DeactivateAccount { deactivateAccount }`,
);

export const ReactivateAccount = typed<{ reactivateAccount: boolean }, { token: string }>(
  `mutation ReactivateAccount($token: String!) { reactivateAccount(token: $token) }`,
);

export const ScheduleAccountDeletion = typed<{ scheduleAccountDeletion: AccountStatusFields }>(
  `mutation ScheduleAccountDeletion { scheduleAccountDeletion { id status deletionScheduledFor } }`,
);

export const CancelAccountDeletion = typed<{ cancelAccountDeletion: AccountStatusFields }>(
  `mutation CancelAccountDeletion { cancelAccountDeletion { id status deletionScheduledFor } }`,
);

export const MyStatus = typed<{ me: AccountStatusFields | null }>(
  `query MyStatus { me { id status deletionScheduledFor } }`,
);

export interface RecordingsDeletionFields {
  id: string;
  status: 'PENDING' | 'COMPLETED';
  requestedAt: string;
  completedAt: string | null;
}
const RECORDINGS = 'id status requestedAt completedAt';

export const RequestRecordingsDeletion = typed<
  { requestRecordingsDeletion: RecordingsDeletionFields },
  { organizationId: string }
>(
  `mutation RequestRecordingsDeletion($organizationId: ID!) { requestRecordingsDeletion(organizationId: $organizationId) { ${RECORDINGS} } }`,
);

export const CompleteRecordingsDeletion = typed<
  { completeRecordingsDeletion: RecordingsDeletionFields },
  { id: string }
>(
  `mutation CompleteRecordingsDeletion($id: ID!) { completeRecordingsDeletion(id: $id) { ${RECORDINGS} } }`,
);

export const OrganizationRecordingsDeletions = typed<
  { organization: { recordingsDeletionRequests: RecordingsDeletionFields[] } | null },
  { id: string }
>(
  `query OrganizationRecordingsDeletions($id: ID!) { organization(id: $id) { recordingsDeletionRequests { ${RECORDINGS} } } }`,
);
