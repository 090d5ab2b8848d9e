import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  isLocked,
  isNotificationChannel,
  isNotificationType,
  type Cell,
} from './notification-catalog';

/** The path of the one-click unsubscribe endpoint (RFC 8058), beside /graphql. */
export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

export interface UnsubscribeTarget extends Cell {
  accountId: string;
}

/**
 * Signed unsubscribe tokens: who and which cell, with an HMAC-SHA256 under the secret key, so
 * the link works without signing in and cannot be bent to another person or another cell.
 * They do not expire: an old mail's link must still work, and all it can do is turn one cell off.
 */
export class UnsubscribeLinks {
  constructor(
    private readonly secretKey: string,
    private readonly site: { readonly appUrl: string },
  ) {}

  token(target: UnsubscribeTarget): string {
    const payload = Buffer.from(
      JSON.stringify([target.accountId, target.type, target.channel]),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The URL for List-Unsubscribe (POST turns the cell off; GET shows the SPA's page). */
  url(target: UnsubscribeTarget): string {
    return `${this.site.appUrl}${UNSUBSCRIBE_PATH}?token=${this.token(target)}`;
  }

  /** What a token names, or null when it is malformed, tampered with or names a locked cell. */
  verify(token: string): UnsubscribeTarget | null {
    if (token.length > 512) return null;
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (!Array.isArray(decoded) || decoded.length !== 3) return null;
    const [accountId, type, channel] = decoded as unknown[];
    if (typeof accountId !== 'string' || typeof type !== 'string' || typeof channel !== 'string') {
      return null;
    }
    if (!isNotificationType(type) || !isNotificationChannel(channel) || isLocked(type)) return null;
    return { accountId, type, channel };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secretKey)
      .update(`notification-unsubscribe:${payload}`)
      .digest('base64url');
  }
}
