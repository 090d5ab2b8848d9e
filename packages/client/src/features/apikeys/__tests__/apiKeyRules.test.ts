import en from '../../../locales/en.json';
import es from '../../../locales/es.json';
import { ApiKeyScope, ApiKeyScopeUnavailableReason } from '../../../generated/graphql';
import { apiKeyState, isLive } from '../apiKeyStatus';
import { dayIn, endOfDayIn, expiresAtFor, firstExpiryDay } from '../expiry';
import { groupScopeChoices, sortScopes } from '../scopeGroups';
import { DAY_MS } from './apiKeyFixtures';

const NOW = Date.parse('2025-03-10T12:00:00.000Z');
const live = {
  status: 'ACTIVE',
  expiresAt: null,
  previousSecretExpiresAt: null,
  revokedAt: null,
} as const;
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

describe('a key’s status', () => {
  it('is active, expiring soon within 7 days, rolled while the old secret works, expired, revoked', () => {
    expect(apiKeyState(live, NOW).kind).toBe('active');
    expect(apiKeyState({ ...live, expiresAt: at(8 * DAY_MS) }, NOW).kind).toBe('active');
    expect(apiKeyState({ ...live, expiresAt: at(7 * DAY_MS) }, NOW)).toEqual({
      kind: 'expiringSoon',
      tone: 'warning',
      expiresAt: at(7 * DAY_MS),
    });
    expect(apiKeyState({ ...live, previousSecretExpiresAt: at(3600_000) }, NOW)).toEqual({
      kind: 'rolled',
      tone: 'info',
      previousSecretUntil: at(3600_000),
    });
    // A grace period over since the list loaded: active again.
    expect(apiKeyState({ ...live, previousSecretExpiresAt: at(-1000) }, NOW).kind).toBe('active');
    // The server said active, but its expiry has passed since.
    expect(apiKeyState({ ...live, expiresAt: at(-1000) }, NOW).kind).toBe('expired');
    expect(apiKeyState({ ...live, status: 'EXPIRED', expiresAt: at(-1000) }, NOW).tone).toBe(
      'danger',
    );
    expect(apiKeyState({ ...live, status: 'REVOKED', revokedAt: at(-1000) }, NOW)).toEqual({
      kind: 'revoked',
      tone: 'neutral',
    });
  });

  it('leaves rolling and revoking to keys that still work', () => {
    expect(isLive(apiKeyState(live, NOW))).toBe(true);
    expect(isLive(apiKeyState({ ...live, previousSecretExpiresAt: at(1000) }, NOW))).toBe(true);
    expect(isLive(apiKeyState({ ...live, expiresAt: at(-1) }, NOW))).toBe(false);
    expect(isLive(apiKeyState({ ...live, status: 'REVOKED', revokedAt: at(-1) }, NOW))).toBe(false);
  });
});

describe('expiry choices', () => {
  it('end a chosen day at its last second in the person’s time zone', () => {
    expect(endOfDayIn('2030-01-15', 'Asia/Tokyo')?.toISOString()).toBe('2030-01-15T14:59:59.000Z');
    expect(endOfDayIn('2030-07-15', 'America/New_York')?.toISOString()).toBe(
      '2030-07-16T03:59:59.000Z',
    );
    expect(endOfDayIn('15/01/2030', 'Asia/Tokyo')).toBeNull();
  });

  it('count days from now, or never', () => {
    expect(expiresAtFor('never', '', 'Asia/Tokyo', NOW)).toBeNull();
    expect(expiresAtFor('90', '', 'Asia/Tokyo', NOW)).toBe(at(90 * DAY_MS));
    expect(expiresAtFor('custom', '', 'Asia/Tokyo', NOW)).toBeNull();
    expect(expiresAtFor('custom', '2030-01-15', 'Asia/Tokyo', NOW)).toBe(
      '2030-01-15T14:59:59.000Z',
    );
  });

  it('start the day after today where the person is', () => {
    // 12:00 UTC on 10 March is 21:00 in Tokyo and 01:00 on the 11th in Kiritimati (UTC+14).
    expect(dayIn(NOW, 'Asia/Tokyo')).toBe('2025-03-10');
    expect(firstExpiryDay(NOW, 'Asia/Tokyo')).toBe('2025-03-11');
    expect(firstExpiryDay(NOW, 'Pacific/Kiritimati')).toBe('2025-03-12');
  });
});

describe('scopes', () => {
  const every = Object.values(ApiKeyScope);

  it('each belong to a resource of the dialog, and read in the dialog’s order', () => {
    const groups = groupScopeChoices(every.map((scope) => ({ scope, unavailableReason: null })));
    expect(groups.map((group) => group.resource)).not.toContain('other');
    expect(groups.flatMap((group) => group.choices.map((choice) => choice.scope)).sort()).toEqual(
      [...every].sort(),
    );
    expect(sortScopes(['AUDIT_READ', 'MEMBERS_WRITE', 'ORGANIZATION_READ'])).toEqual([
      'ORGANIZATION_READ',
      'MEMBERS_WRITE',
      'AUDIT_READ',
    ]);
  });

  it('and the reasons one is not offered have words in English and Spanish', () => {
    for (const locale of [en, es]) {
      for (const scope of every) {
        expect(locale.apiKeys.scopes[scope]).toBeTruthy();
        expect(locale.apiKeys.scopeShort[scope]).toBeTruthy();
      }
      for (const reason of Object.values(ApiKeyScopeUnavailableReason)) {
        expect(locale.apiKeys.unavailable[reason]).toBeTruthy();
      }
    }
  });
});
