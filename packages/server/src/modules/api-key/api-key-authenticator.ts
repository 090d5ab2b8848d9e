import type { DataSource } from 'typeorm';
import type { ApiKeyPrincipal } from '../../caller/caller';
import { hashToken } from '../../lib/tokens';
import { ApiKeyEntity } from './api-key.entity';
import { isApiKeyScope } from './scopes';

/** Every key secret starts so: a bearer token that does not is a session token. */
export const API_KEY_PREFIX = 'atr_live_';

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/**
 * Turns a presented key secret into the key's principal. Read from the database on every
 * request (nothing cached), so a revoked or expired key is refused on the next request on
 * every instance.
 */
export class ApiKeyAuthenticator {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(secret: string, now = new Date()): Promise<ApiKeyPrincipal | null> {
    const key = await this.dataSource
      .getRepository(ApiKeyEntity)
      .findOneBy({ secretHash: hashToken(secret) });
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
    return {
      id: key.id,
      organizationId: key.organizationId,
      name: key.name,
      scopes: key.scopes.split(',').filter(isApiKeyScope),
    };
  }
}
