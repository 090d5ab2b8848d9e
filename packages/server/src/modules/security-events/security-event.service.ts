import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull, LessThan } from 'typeorm';
import { newId } from '../../db/columns';
import { approximateLocation } from '../../lib/geoip';
import { parseUserAgent } from '../session/device';
import type { ClientInfo } from '../session/session.service';
import {
  SecurityEventEntity,
  type AuthMethodName,
  type SecurityEventType,
} from './security-event.entity';

export interface SecurityEventPage {
  events: SecurityEventEntity[];
  hasNextPage: boolean;
}

export function describeDevice(userAgent: string | null): string | null {
  const { browser, os } = parseUserAgent(userAgent);
  if (!browser && !os) return null;
  return [browser ?? 'Unknown browser', os ?? 'unknown OS'].join(' · ');
}

/** The security timeline: written by the services that change credentials and sessions. */
export class SecurityEventService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    accountId: string,
    type: SecurityEventType,
    client: ClientInfo,
    options: {
      newDevice?: boolean;
      targetDevice?: string | null;
      method?: AuthMethodName | null;
      manager?: EntityManager;
    } = {},
  ): Promise<SecurityEventEntity> {
    const event = Object.assign(new SecurityEventEntity(), {
      id: newId(),
      accountId,
      type,
      ipAddress: client.ip,
      location: approximateLocation(client.ip),
      device: describeDevice(client.userAgent),
      targetDevice: options.targetDevice?.slice(0, 160) ?? null,
      method: options.method ?? null,
      newDevice: options.newDevice ?? false,
      createdAt: new Date(),
    });
    await (options.manager ?? this.dataSource.manager).insert(SecurityEventEntity, event);
    return event;
  }

  /** True when the account never signed in (or up) from this browser and OS before. */
  async isNewDevice(accountId: string, client: ClientInfo): Promise<boolean> {
    const device = describeDevice(client.userAgent);
    const seen = await this.dataSource.getRepository(SecurityEventEntity).exists({
      where: { accountId, device: device ?? IsNull(), type: In(['SIGN_IN', 'SIGN_UP']) },
    });
    return !seen;
  }

  /** Newest first; `after` is the id of the last event of the previous page (UUIDv7 sorts by time). */
  async page(accountId: string, first: number, after: string | null): Promise<SecurityEventPage> {
    const rows = await this.dataSource.getRepository(SecurityEventEntity).find({
      where: { accountId, ...(after ? { id: LessThan(after) } : {}) },
      order: { id: 'DESC' },
      take: first + 1,
    });
    return { events: rows.slice(0, first), hasNextPage: rows.length > first };
  }
}
