import { Webhook } from 'standardwebhooks';
import { withJitter } from './webhook-dispatcher';
import { retryAfterMs } from './webhook-sender';
import { generateWebhookSecret, signatureHeader } from './webhook-signing';

describe('signatures', () => {
  it('match the Standard Webhooks specification’s known answer', () => {
    // The example of the specification and its reference libraries.
    expect(
      signatureHeader(
        ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        new Date(1614265330 * 1000),
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('carry one v1 entry per secret, each verifiable on its own', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const now = new Date();
    const body = '{"type":"call.completed"}';
    const header = signatureHeader([current, previous], 'evt_1', now, body);
    expect(header.split(' ')).toHaveLength(2);
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': header,
    };
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(body, headers)).toEqual({ type: 'call.completed' });
    }
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});

describe('retry timing', () => {
  it('jitters by at most ±10 %', () => {
    expect(withJitter(1000, 0)).toBe(900);
    expect(withJitter(1000, 1)).toBe(1100);
    expect(withJitter(0, 0.7)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, within a day', () => {
    const now = Date.parse('2026-01-15T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 15 Jan 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 15 Jan 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('999999999', now)).toBe(24 * 3_600_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
