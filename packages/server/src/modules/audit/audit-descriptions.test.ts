import { AUDIT_DESCRIPTIONS, AUDITED_EVENT_TYPES, type Audited } from './audit-descriptions';
import { redactSecrets } from './audit-recorder';
import { AUDIT_EVENT_TYPES, REDACTED } from './audit-types';
import type { DomainEventType } from '../../events/domain-events';

describe('the audit description table', () => {
  it('gives every audit type from some event, and no type twice', () => {
    const declared = AUDITED_EVENT_TYPES.flatMap(
      (type) => (AUDIT_DESCRIPTIONS[type] as Audited<DomainEventType>).types,
    );
    expect([...declared].sort()).toEqual([...AUDIT_EVENT_TYPES].sort());
  });

  it('records every organization change named in the product', () => {
    expect(AUDITED_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'organization.updated',
        'member.invited',
        'invitation.revoked',
        'member.joined',
        'member.role_changed',
        'member.removed',
        'domain.added',
        'domain.verified',
        'domain.removed',
        'api_key.created',
        'api_key.rolled',
        'api_key.revoked',
        'webhook.endpoint_created',
        'webhook.endpoint_updated',
        'webhook.endpoint_deleted',
        'notification_rules.updated',
      ]),
    );
  });
});

describe('redactSecrets', () => {
  it('hides the value of a field named like a credential, and only those', () => {
    expect(
      redactSecrets({
        secret: { before: 'whsec_old', after: 'whsec_new' },
        tokenHash: { after: 'abc' },
        link: { after: 'https://app/invitations/accept?token=x' },
        previousSecretExpiresAt: { after: '2025-01-01T00:00:00.000Z' },
        name: { before: 'A', after: 'B' },
      }),
    ).toEqual({
      secret: { before: REDACTED, after: REDACTED },
      tokenHash: { after: REDACTED },
      link: { after: REDACTED },
      previousSecretExpiresAt: { after: '2025-01-01T00:00:00.000Z' },
      name: { before: 'A', after: 'B' },
    });
  });
});
