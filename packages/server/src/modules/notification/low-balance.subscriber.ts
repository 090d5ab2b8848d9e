import type { EventSubscriber } from '../../events/domain-events';
import { OrganizationEntity } from '../organization/organization.entity';
import { ROLES } from '../organization/team-member.entity';
import { isAllowed } from '../organization/policy';
import { TeamMemberEntity } from '../organization/team-member.entity';
import { lowBalanceTexts } from './notification-templates';
import { LowBalanceAlertEntity } from './notification.entities';
import type { Notifier } from './notifier';
import '../billing/wallet.events';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An alert that fired re-arms only once the balance is back above this × its threshold. */
export const REARM_FACTOR = 1.5;

/**
 * Low-balance alerts, decided in the transaction that records a balance: an armed alert whose
 * balance falls below its threshold fires once (LOW_BALANCE through the notifier) and disarms;
 * it re-arms when the balance rises above 1.5 × the threshold, so a balance hovering around the
 * threshold does not fire again and again. Never more than once a day per person and wallet:
 * a fall within a day of the last alert leaves it armed, to fire on a later report.
 * Only people whose role may set an alert (OWNER, ADMIN) are told.
 */
export function lowBalanceAlerts(notifier: Notifier): EventSubscriber {
  const roles = ROLES.filter((role) => isAllowed(role, 'lowBalanceAlert.configure'));
  return (events) => {
    events.inTransaction('wallet.balance_changed', async (event, manager) => {
      const organizationId = event.organizationId;
      if (!organizationId) return;
      const balance = event.data.balanceCents;
      const alerts = await manager
        .getRepository(LowBalanceAlertEntity)
        .createQueryBuilder('l')
        .innerJoin(
          TeamMemberEntity,
          'm',
          'm.account_id = l.account_id AND m.organization_id = l.organization_id',
        )
        .where('l.organization_id = :organizationId', { organizationId })
        .andWhere('m.role IN (:...roles)', { roles })
        .getMany();
      if (alerts.length === 0) return;
      const now = notifier.now();
      let organizationName: string | null = null;
      for (const alert of alerts) {
        const where = { accountId: alert.accountId, organizationId };
        if (!alert.armed) {
          if (balance > alert.thresholdCents * REARM_FACTOR) {
            await manager.update(LowBalanceAlertEntity, where, { armed: true });
          }
          continue;
        }
        if (balance >= alert.thresholdCents) continue;
        if (alert.lastFiredAt && now.getTime() - alert.lastFiredAt.getTime() < DAY_MS) continue;
        organizationName ??= (
          await manager.findOneByOrFail(OrganizationEntity, { id: organizationId })
        ).name;
        const texts = lowBalanceTexts({
          organization: organizationName,
          balanceCents: balance,
          thresholdCents: alert.thresholdCents,
        });
        await notifier.notify(manager, event.caller, {
          accountId: alert.accountId,
          organizationId,
          type: 'LOW_BALANCE',
          text: texts.en,
          localized: texts,
          link: '/settings/notifications',
        });
        await manager.update(LowBalanceAlertEntity, where, { armed: false, lastFiredAt: now });
      }
    });
  };
}
