import { AccountEntity } from '../modules/account/account.entity';
import { OrganizationEntity } from '../modules/organization/organization.entity';
import { TeamMemberEntity } from '../modules/organization/team-member.entity';
import { SessionEntity } from '../modules/session/session.entity';
import { OneTimeTokenEntity } from '../modules/tokens/one-time-token.entity';
import { AvatarEntity } from '../modules/avatar/avatar.entity';
import { BackupCodeEntity } from '../modules/mfa/backup-code.entity';
import { MfaChallengeEntity } from '../modules/mfa/mfa-challenge.entity';
import { SecurityEventEntity } from '../modules/security-events/security-event.entity';
import { JobEntity } from '../jobs/job.entity';
import { DomainEntity } from '../modules/domain/domain.entity';
import { InvitationEntity } from '../modules/invitation/invitation.entity';
import { ApiKeyEntity } from '../modules/api-key/api-key.entity';

export const entities = [
  AccountEntity,
  OrganizationEntity,
  TeamMemberEntity,
  SessionEntity,
  OneTimeTokenEntity,
  AvatarEntity,
  BackupCodeEntity,
  MfaChallengeEntity,
  SecurityEventEntity,
  JobEntity,
  InvitationEntity,
  DomainEntity,
  ApiKeyEntity,
];
