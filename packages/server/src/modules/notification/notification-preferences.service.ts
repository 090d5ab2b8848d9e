import { In, type DataSource, type EntityManager } from 'typeorm';
import { requirePerson, type Caller, type PersonCaller } from '../../caller/caller';
import { isForeignKeyViolation } from '../../db/errors';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, type FieldProblems } from '../../graphql/errors';
import {
  accessFor,
  authorize,
  inOrganization,
  type OrganizationAccess,
} from '../organization/access';
import { isAllowed } from '../organization/policy';
import { TeamMemberEntity } from '../organization/team-member.entity';
import {
  ALL_CELLS,
  cellKey,
  defaultEnabled,
  isLocked,
  type Cell,
  type NotificationChannel,
  type NotificationType,
} from './notification-catalog';
import {
  LowBalanceAlertEntity,
  NotificationPreferenceEntity,
  NotificationSettingsEntity,
  OrganizationNotificationRuleEntity,
} from './notification.entities';
import { formatTimeOfDay, parseTimeOfDay } from './quiet-hours';

/** Where a cell's effective value comes from. */
export type PreferenceSource = 'DEFAULT' | 'ORGANIZATION' | 'PERSONAL' | 'LOCKED';

export interface EffectivePreference extends Cell {
  enabled: boolean;
  locked: boolean;
  source: PreferenceSource;
  /** What the cell would be without the person's own choice (the workspace rule or Atrium's). */
  defaultEnabled: boolean;
}

/** A change to one cell; `enabled: null` drops a choice and follows the default again. */
export interface CellChange extends Cell {
  enabled: boolean | null;
}

export interface QuietHours {
  start: string;
  end: string;
}

/** The most a threshold can be: a billion, in cents. */
export const MAX_THRESHOLD_CENTS = 100_000_000_000;

/**
 * The preference matrix and what shapes it: Atrium's defaults, an organization's rules (set by
 * its OWNER and ADMINs), a person's own choices, quiet hours and low-balance thresholds.
 * Effective value of a cell: locked (security) > the person's choice > the organization's rule >
 * Atrium's default.
 */
export class NotificationPreferenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** The whole matrix as it applies to `accountId` in `organizationId` (or with no rules). */
  async matrix(
    manager: EntityManager,
    accountId: string,
    organizationId: string | null,
  ): Promise<EffectivePreference[]> {
    const [own, rules] = await Promise.all([
      manager.findBy(NotificationPreferenceEntity, { accountId }),
      organizationId
        ? manager.findBy(OrganizationNotificationRuleEntity, { organizationId })
        : Promise.resolve([]),
    ]);
    const ownByCell = new Map(own.map((row) => [cellKey(row), row.enabled]));
    const ruleByCell = new Map(rules.map((row) => [cellKey(row), row.enabled]));
    return ALL_CELLS.map((cell) => {
      const atriumDefault = defaultEnabled(cell);
      if (isLocked(cell.type)) {
        return {
          ...cell,
          enabled: atriumDefault,
          locked: true,
          source: 'LOCKED',
          defaultEnabled: atriumDefault,
        };
      }
      const rule = ruleByCell.get(cellKey(cell));
      const fallback = rule ?? atriumDefault;
      const choice = ownByCell.get(cellKey(cell));
      return {
        ...cell,
        enabled: choice ?? fallback,
        locked: false,
        source: choice !== undefined ? 'PERSONAL' : rule !== undefined ? 'ORGANIZATION' : 'DEFAULT',
        defaultEnabled: fallback,
      };
    });
  }

  /** The channels a notice of `type` goes by, for this person in this organization. */
  async channelsFor(
    manager: EntityManager,
    accountId: string,
    organizationId: string | null,
    type: NotificationType,
  ): Promise<NotificationChannel[]> {
    const matrix = await this.matrix(manager, accountId, organizationId);
    return matrix.filter((cell) => cell.type === type && cell.enabled).map((cell) => cell.channel);
  }

  /**
   * My matrix in an organization of mine: `organizationId`, or the first one I joined. Another
   * organization is NOT_FOUND.
   */
  async myMatrix(caller: Caller, organizationId: string | null): Promise<EffectivePreference[]> {
    const person = requirePerson(caller);
    const organization = await this.organizationOf(person, organizationId);
    return this.matrix(this.dataSource.manager, person.account.id, organization);
  }

  /** Changes my own cells in one transaction; a locked cell refuses the whole change. */
  async updateMine(
    caller: Caller,
    changes: readonly CellChange[],
    organizationId: string | null,
  ): Promise<EffectivePreference[]> {
    const person = requirePerson(caller);
    checkChanges(changes);
    const organization = await this.organizationOf(person, organizationId);
    const accountId = person.account.id;
    return this.dataSource.transaction(async (manager) => {
      await writeCells(manager, NotificationPreferenceEntity, { accountId }, changes);
      return this.matrix(manager, accountId, organization);
    });
  }

  /** Turns one of a person's cells off: the one-click unsubscribe. A deleted account is a no-op. */
  async turnOff(accountId: string, cell: Cell): Promise<void> {
    try {
      await this.dataSource.transaction((manager) =>
        writeCells(manager, NotificationPreferenceEntity, { accountId }, [
          { ...cell, enabled: false },
        ]),
      );
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
    }
  }

  /** The organization's rules as its admins see them: every cell, set or defaulted. */
  async rules(access: OrganizationAccess): Promise<EffectivePreference[]> {
    authorize(access, 'notificationRules.view');
    return this.rulesOf(this.dataSource.manager, access.organization.id);
  }

  async updateRules(
    caller: Caller,
    organizationId: string,
    changes: readonly CellChange[],
  ): Promise<EffectivePreference[]> {
    checkChanges(changes, 'rules');
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'notificationRules.update' },
      async (manager) => {
        const rules = await manager.findBy(OrganizationNotificationRuleEntity, { organizationId });
        const ruleOf = new Map(rules.map((row) => [cellKey(row), row.enabled]));
        const changed = changes
          .map(({ type, channel, enabled }) => ({
            type,
            channel,
            before: ruleOf.get(cellKey({ type, channel })) ?? null,
            after: enabled,
          }))
          .filter((change) => change.before !== change.after);
        await writeCells(manager, OrganizationNotificationRuleEntity, { organizationId }, changes);
        if (changed.length > 0) {
          await this.events.emit(manager, {
            type: 'notification_rules.updated',
            caller,
            organizationId,
            data: { changes: changed },
          });
        }
        return this.rulesOf(manager, organizationId);
      },
    );
  }

  async quietHours(caller: Caller): Promise<QuietHours | null> {
    const person = requirePerson(caller);
    const settings = await this.dataSource.manager.findOneBy(NotificationSettingsEntity, {
      accountId: person.account.id,
    });
    return toQuietHours(settings);
  }

  /** Sets (or with null, removes) my quiet hours. */
  async setQuietHours(caller: Caller, hours: QuietHours | null): Promise<QuietHours | null> {
    const person = requirePerson(caller);
    let start: number | null = null;
    let end: number | null = null;
    if (hours) {
      start = parseTimeOfDay(hours.start);
      end = parseTimeOfDay(hours.end);
      const problems: FieldProblems = {};
      if (start === null) problems.start = 'QUIET_HOURS_TIME_INVALID';
      if (end === null) problems.end = 'QUIET_HOURS_TIME_INVALID';
      else if (start === end) problems.end = 'QUIET_HOURS_EMPTY';
      if (Object.keys(problems).length > 0) throw badUserInput(problems);
    }
    const row = {
      accountId: person.account.id,
      quietHoursStart: start,
      quietHoursEnd: end,
      updatedAt: new Date(),
    };
    await this.dataSource.manager.upsert(NotificationSettingsEntity, row, ['accountId']);
    return toQuietHours(row);
  }

  async settingsOf(manager: EntityManager, accountId: string) {
    return manager.findOneBy(NotificationSettingsEntity, { accountId });
  }

  /** My low-balance thresholds: one per organization where my role may set one. */
  async myLowBalanceAlerts(
    caller: Caller,
  ): Promise<
    Array<{ organizationId: string; organizationName: string; thresholdCents: number | null }>
  > {
    const person = requirePerson(caller);
    const memberships = await this.dataSource.manager.find(TeamMemberEntity, {
      where: { accountId: person.account.id },
      relations: { organization: true },
      order: { createdAt: 'ASC' },
    });
    const allowed = memberships.filter((m) => isAllowed(m.role, 'lowBalanceAlert.configure'));
    if (allowed.length === 0) return [];
    const alerts = await this.dataSource.manager.findBy(LowBalanceAlertEntity, {
      accountId: person.account.id,
      organizationId: In(allowed.map((m) => m.organizationId)),
    });
    const byOrganization = new Map(alerts.map((alert) => [alert.organizationId, alert]));
    return allowed.map((m) => ({
      organizationId: m.organizationId,
      organizationName: m.organization?.name ?? '',
      thresholdCents: byOrganization.get(m.organizationId)?.thresholdCents ?? null,
    }));
  }

  /** Sets (or with null, removes) my threshold for an organization's wallet; it starts armed. */
  async setLowBalanceThreshold(
    caller: Caller,
    organizationId: string,
    thresholdCents: number | null,
  ): Promise<{ organizationId: string; organizationName: string; thresholdCents: number | null }> {
    if (
      thresholdCents !== null &&
      (!Number.isSafeInteger(thresholdCents) ||
        thresholdCents <= 0 ||
        thresholdCents > MAX_THRESHOLD_CENTS)
    ) {
      throw badUserInput({
        threshold: {
          reason: 'LOW_BALANCE_THRESHOLD_INVALID',
          params: { max: MAX_THRESHOLD_CENTS / 100 },
        },
      });
    }
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'lowBalanceAlert.configure' },
      async (manager, access) => {
        const accountId = requirePerson(caller).account.id;
        if (thresholdCents === null) {
          await manager.delete(LowBalanceAlertEntity, { accountId, organizationId });
        } else {
          await manager.upsert(
            LowBalanceAlertEntity,
            {
              accountId,
              organizationId,
              thresholdCents,
              armed: true,
              lastFiredAt: null,
              updatedAt: new Date(),
            },
            ['accountId', 'organizationId'],
          );
        }
        return { organizationId, organizationName: access.organization.name, thresholdCents };
      },
    );
  }

  private async rulesOf(manager: EntityManager, organizationId: string) {
    const rules = await manager.findBy(OrganizationNotificationRuleEntity, { organizationId });
    const ruleByCell = new Map(rules.map((row) => [cellKey(row), row.enabled]));
    return ALL_CELLS.map((cell): EffectivePreference => {
      const atriumDefault = defaultEnabled(cell);
      if (isLocked(cell.type)) {
        return {
          ...cell,
          enabled: atriumDefault,
          locked: true,
          source: 'LOCKED',
          defaultEnabled: atriumDefault,
        };
      }
      const rule = ruleByCell.get(cellKey(cell));
      return {
        ...cell,
        enabled: rule ?? atriumDefault,
        locked: false,
        source: rule === undefined ? 'DEFAULT' : 'ORGANIZATION',
        defaultEnabled: atriumDefault,
      };
    });
  }

  /** The organization whose rules apply: the one asked for (mine, or NOT_FOUND), or my first. */
  private async organizationOf(
    person: PersonCaller,
    organizationId: string | null,
  ): Promise<string | null> {
    if (organizationId) {
      const access = await accessFor(this.dataSource, {
        caller: person,
        organizationId,
        operation: 'organization.view',
      });
      return access.organization.id;
    }
    const first = await this.dataSource.manager.findOne(TeamMemberEntity, {
      where: { accountId: person.account.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return first?.organizationId ?? null;
  }
}

/** Refuses locked and repeated cells, naming the list entry (`input.3.type`). */
function checkChanges(changes: readonly CellChange[], listName = 'input'): void {
  const problems: FieldProblems = {};
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    if (isLocked(change.type)) problems[`${listName}.${index}.type`] = 'NOTIFICATION_CELL_LOCKED';
    else if (seen.has(cellKey(change))) {
      problems[`${listName}.${index}.type`] = 'NOTIFICATION_CELL_REPEATED';
    }
    seen.add(cellKey(change));
  });
  if (Object.keys(problems).length > 0) throw badUserInput(problems);
}

type CellTable = typeof NotificationPreferenceEntity | typeof OrganizationNotificationRuleEntity;

/** Writes cells of one owner (an account or an organization): upsert the set ones, drop the cleared. */
async function writeCells(
  manager: EntityManager,
  table: CellTable,
  owner: { accountId: string } | { organizationId: string },
  changes: readonly CellChange[],
): Promise<void> {
  const updatedAt = new Date();
  const set = changes.flatMap((change) =>
    change.enabled === null ? [] : [{ ...change, enabled: change.enabled }],
  );
  const cleared = changes.filter((change) => change.enabled === null);
  if (set.length > 0) {
    await manager.upsert(
      table,
      set.map((change) => ({
        ...owner,
        type: change.type,
        channel: change.channel,
        enabled: change.enabled,
        updatedAt,
      })),
      [...Object.keys(owner), 'type', 'channel'],
    );
  }
  for (const change of cleared) {
    await manager.delete(table, { ...owner, type: change.type, channel: change.channel });
  }
}

function toQuietHours(
  settings: Pick<NotificationSettingsEntity, 'quietHoursStart' | 'quietHoursEnd'> | null,
): QuietHours | null {
  if (settings?.quietHoursStart == null || settings.quietHoursEnd == null) return null;
  return {
    start: formatTimeOfDay(settings.quietHoursStart),
    end: formatTimeOfDay(settings.quietHoursEnd),
  };
}
