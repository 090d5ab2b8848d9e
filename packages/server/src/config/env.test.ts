import { ConfigError, loadConfig } from './env';

const base = { DATABASE_URL: 'sqlite::memory:' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('PLAN_SEATS', () => {
  it('defaults to the product’s plans', () => {
    expect(loadConfig(base).planSeats).toEqual({ PROFESSIONAL: 3, DENTAL: 10, REAL_ESTATE: null });
  });

  it('overrides and adds plans', () => {
    expect(
      loadConfig({ ...base, PLAN_SEATS: 'PROFESSIONAL=5, ENTERPRISE=unlimited' }).planSeats,
    ).toEqual({
      PROFESSIONAL: 5,
      DENTAL: 10,
      REAL_ESTATE: null,
      ENTERPRISE: null,
    });
  });

  it.each(['PROFESSIONAL', 'PROFESSIONAL=0', 'professional=3', 'DENTAL=-1', 'DENTAL=lots'])(
    'refuses %j with one line naming the variable',
    (value) => {
      const found = problems({ PLAN_SEATS: value });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^PLAN_SEATS: /);
    },
  );
});

describe('PLAN_LIMITS', () => {
  it('defaults to limits for the two smaller plans and none for REAL_ESTATE', () => {
    const { planLimits } = loadConfig(base);
    expect(planLimits.PROFESSIONAL).toEqual({
      API_REQUESTS: 100_000,
      MINUTES: 1_000,
      MESSAGES: 2_000,
      GROUPS: 10,
    });
    expect(planLimits.DENTAL?.MINUTES).toBe(5_000);
    expect(planLimits.REAL_ESTATE).toBeUndefined();
  });

  it('overrides, lifts and adds limits, for plans of PLAN_SEATS', () => {
    const { planLimits } = loadConfig({
      ...base,
      PLAN_SEATS: 'ENTERPRISE=unlimited',
      PLAN_LIMITS: 'DENTAL.MINUTES=6000, DENTAL.GROUPS=unlimited, ENTERPRISE.SMS_SEGMENTS=0',
    });
    expect(planLimits.DENTAL).toEqual({
      API_REQUESTS: 500_000,
      MINUTES: 6_000,
      MESSAGES: 10_000,
      GROUPS: null,
    });
    expect(planLimits.ENTERPRISE).toEqual({ SMS_SEGMENTS: 0 });
  });

  it.each([
    'DENTAL=5',
    'DENTAL.MINUTES',
    'dental.MINUTES=5',
    'DENTAL.MINUTES=-1',
    'DENTAL.minutes=5',
  ])('refuses %j with one line naming the variable', (value) => {
    const found = problems({ PLAN_LIMITS: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^PLAN_LIMITS: /);
  });

  it('refuses a plan that PLAN_SEATS does not have', () => {
    expect(problems({ PLAN_LIMITS: 'GOLD.MINUTES=10' })).toEqual([
      'PLAN_LIMITS: GOLD is not a plan of PLAN_SEATS (add it there first)',
    ]);
  });
});

describe('REDIS_PREFIX', () => {
  it('defaults to atrium: and takes a namespace of its own', () => {
    expect(loadConfig(base).redisPrefix).toBe('atrium:');
    expect(loadConfig({ ...base, REDIS_PREFIX: 'staging.atrium:' }).redisPrefix).toBe(
      'staging.atrium:',
    );
  });

  it.each(['has space:', 'x'.repeat(65), 'naïve:'])('refuses %j', (value) => {
    expect(problems({ REDIS_PREFIX: value })[0]).toMatch(/^REDIS_PREFIX: /);
  });
});

describe('DNS_SERVERS', () => {
  it('takes addresses with optional ports', () => {
    expect(
      loadConfig({ ...base, DNS_SERVERS: '127.0.0.1:5353, 1.1.1.1, [::1]:53' }).dnsServers,
    ).toEqual(['127.0.0.1:5353', '1.1.1.1', '[::1]:53']);
    expect(loadConfig(base).dnsServers).toEqual([]);
  });

  it.each(['dns.example.com', '127.0.0.1:99999', '1.2.3'])('refuses %j', (value) => {
    expect(problems({ DNS_SERVERS: value })[0]).toMatch(/^DNS_SERVERS: /);
  });
});

describe('SHUTDOWN_TIMEOUT_MS', () => {
  it('defaults to 15 s and takes a positive number of milliseconds', () => {
    expect(loadConfig(base).shutdownTimeoutMs).toBe(15_000);
    expect(loadConfig({ ...base, SHUTDOWN_TIMEOUT_MS: '2000' }).shutdownTimeoutMs).toBe(2_000);
  });

  it.each(['0', '-1', '1.5', 'soon'])('refuses %j', (value) => {
    expect(problems({ SHUTDOWN_TIMEOUT_MS: value })[0]).toMatch(/^SHUTDOWN_TIMEOUT_MS: /);
  });
});

describe('WEBHOOK_RETRY_SCHEDULE', () => {
  it('defaults to about three days of retries, the first attempt at once', () => {
    const schedule = loadConfig(base).webhooks.retryScheduleMs;
    expect(schedule[0]).toBe(0);
    expect(schedule).toHaveLength(10);
    expect(schedule.reduce((sum, ms) => sum + ms, 0) / 3_600_000).toBeCloseTo(75.6, 1);
  });

  it('takes delays with units', () => {
    expect(
      loadConfig({ ...base, WEBHOOK_RETRY_SCHEDULE: '0, 250ms,2s,1m,1h,1d' }).webhooks
        .retryScheduleMs,
    ).toEqual([0, 250, 2000, 60_000, 3_600_000, 86_400_000]);
  });

  it('takes an empty value as the default', () => {
    expect(loadConfig({ ...base, WEBHOOK_RETRY_SCHEDULE: ' ' }).webhooks.retryScheduleMs).toEqual(
      loadConfig(base).webhooks.retryScheduleMs,
    );
  });

  it.each(['5', '5 s', '1w', '0,,5s', '-5s'])('refuses %j', (value) => {
    expect(problems({ WEBHOOK_RETRY_SCHEDULE: value })[0]).toMatch(/^WEBHOOK_RETRY_SCHEDULE: /);
  });
});

describe('WEBHOOK_ALLOW_PRIVATE_TARGETS', () => {
  const production = { NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) };

  it('allows private targets outside production only, and https only in production', () => {
    expect(loadConfig(base).webhooks).toMatchObject({
      allowPrivateTargets: true,
      httpsOnly: false,
    });
    expect(loadConfig({ ...base, ...production }).webhooks).toMatchObject({
      allowPrivateTargets: false,
      httpsOnly: true,
    });
    expect(
      loadConfig({ ...base, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }).webhooks.allowPrivateTargets,
    ).toBe(false);
  });

  it('is refused as true in production', () => {
    expect(problems({ ...production, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })).toEqual([
      'WEBHOOK_ALLOW_PRIVATE_TARGETS: must not be true when NODE_ENV=production',
    ]);
  });
});
