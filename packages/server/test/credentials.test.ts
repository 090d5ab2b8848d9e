import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { IsNull, Like, Not } from 'typeorm';
import { JobEntity } from '../src/jobs/job.entity';
import { freePort } from '../src/lib/free-port';
import type { AtriumServer } from '../src/app';
import { AccountEntity } from '../src/modules/account/account.entity';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import {
  ChangePassword,
  ConfirmEmailChange,
  ConfirmPhoneChange,
  EmailVerified,
  LogIn,
  Me,
  RequestEmailChange,
  RequestPasswordReset,
  RequestPhoneChange,
  ResendVerificationEmail,
  ResetPassword,
  SignUp,
  UpdateProfile,
  PendingChanges,
  CancelEmailChange,
  ResendPhoneCode,
  RemovePhone,
  MySecurityEvents,
} from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import { MyOrganizations, UpdateOrganization } from './support/organization-documents';
import { linkToken, SmtpInbox } from './support/smtp';
import { FakeSmsProvider } from './support/sms-provider';
import { startTestServer, uniqueEmail } from './support/server';

let atrium: AtriumServer;
let inbox: SmtpInbox;
let sms: FakeSmsProvider;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  sms = await FakeSmsProvider.start();
  atrium = await startTestServer({
    SMTP_URL: inbox.url,
    APP_URL: 'http://app.example.test',
    ...sms.env,
  });
});

afterAll(async () => {
  await atrium.close();
  await inbox.close();
  await sms.close();
});

function fieldErrors(result: GraphQLResult<unknown>): Record<string, string> {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields as Record<string, string>;
}

const account = (email: string) =>
  atrium.dataSource
    .getRepository(AccountEntity)
    .findOneByOrFail({ emailNormalized: email.toLowerCase() });

describe('email verification at sign-up', () => {
  it('mails a link to the SPA; following it verifies the address once', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Verify Me');
    expect((await actor.run(EmailVerified)).me?.emailVerified).toBe(false);
    const mail = await inbox.waitFor(email, /Confirm your email address/);
    expect(mail.text).toContain('http://app.example.test/verify-email?token=');
    expect(mail.html).toContain('href="http://app.example.test/verify-email?token=');

    const token = linkToken(mail, '/verify-email');
    // The link works in any browser, signed in or not.
    const confirmed = await new Actor(atrium.url).run(ConfirmEmailChange, { token });
    expect(confirmed.confirmEmailChange.emailVerified).toBe(true);
    expect((await actor.run(EmailVerified)).me?.emailVerified).toBe(true);
    expect(
      fieldErrors(await new Actor(atrium.url).execute(ConfirmEmailChange, { token })),
    ).toHaveProperty('token');
  });

  it('resends the link on request and says false once verified', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Resend Me');
    await inbox.waitFor(email, /Confirm your email/);
    expect((await actor.run(ResendVerificationEmail)).resendVerificationEmail).toBe(true);
    const mails = await inbox.waitForCount(email, /Confirm your email/, 2);
    expect(mails.length).toBe(2);
    // The first link was replaced by the second.
    expect(
      fieldErrors(
        await actor.execute(ConfirmEmailChange, { token: linkToken(mails[0], '/verify-email') }),
      ),
    ).toHaveProperty('token');
    await actor.run(ConfirmEmailChange, { token: linkToken(mails[1], '/verify-email') });
    expect((await actor.run(ResendVerificationEmail)).resendVerificationEmail).toBe(false);
  });
});

describe('email change', () => {
  it('checks the password, mails the new address a link and the old one a notice, and changes only through the link', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Mover');
    const newEmail = uniqueEmail('moved');
    expect(
      fieldErrors(
        await actor.execute(RequestEmailChange, { input: { newEmail, password: 'Wrong-pass-1' } }),
      ),
    ).toEqual({
      password: 'Wrong password',
    });
    expect(
      fieldErrors(
        await actor.execute(RequestEmailChange, {
          input: { newEmail: 'nope', password: STRONG_PASSWORD },
        }),
      ),
    ).toHaveProperty('newEmail');
    expect(inbox.mailsTo(newEmail)).toEqual([]);

    await actor.run(RequestEmailChange, { input: { newEmail, password: STRONG_PASSWORD } });
    const verify = await inbox.waitFor(newEmail, /Confirm your new email address/);
    const notice = await inbox.waitFor(email, /email address is changing/);
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toContain('token=');
    expect((await actor.run(Me)).me?.email).toBe(email);

    await new Actor(atrium.url).run(ConfirmEmailChange, {
      token: linkToken(verify, '/verify-email'),
    });
    expect((await actor.run(Me)).me?.email).toBe(newEmail);
    expect(
      errorCode(
        await new Actor(atrium.url).execute(LogIn, { input: { email, password: STRONG_PASSWORD } }),
      ),
    ).toBe('UNAUTHENTICATED');
    await new Actor(atrium.url).run(LogIn, {
      input: { email: newEmail, password: STRONG_PASSWORD },
    });
  });

  it('shows the address waiting for its link, and cancelling the change kills the link', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Hesitant');
    expect((await actor.run(PendingChanges)).me).toMatchObject({ email, pendingEmail: null });
    const newEmail = uniqueEmail('maybe');
    await actor.run(RequestEmailChange, { input: { newEmail, password: STRONG_PASSWORD } });
    const token = linkToken(
      await inbox.waitFor(newEmail, /Confirm your new email/),
      '/verify-email',
    );
    expect((await actor.run(PendingChanges)).me).toMatchObject({ email, pendingEmail: newEmail });

    expect((await actor.run(CancelEmailChange)).cancelEmailChange).toEqual({
      email,
      pendingEmail: null,
    });
    expect(errorCode(await new Actor(atrium.url).execute(ConfirmEmailChange, { token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await actor.run(Me)).me?.email).toBe(email);
    // Nothing pending: cancelling again changes nothing and says the same.
    expect((await actor.run(CancelEmailChange)).cancelEmailChange.pendingEmail).toBeNull();
    expect(errorCode(await new Actor(atrium.url).execute(CancelEmailChange))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers CONFLICT for an address another account has, and on confirming one taken since', async () => {
    const first = await signedUpBrowser(atrium.url, 'Holder');
    const second = await signedUpBrowser(atrium.url, 'Wanter');
    const taken = await second.actor.execute(RequestEmailChange, {
      input: { newEmail: first.email.toUpperCase(), password: STRONG_PASSWORD },
    });
    expect(errorCode(taken)).toBe('CONFLICT');

    const contested = uniqueEmail('contested');
    await second.actor.run(RequestEmailChange, {
      input: { newEmail: contested, password: STRONG_PASSWORD },
    });
    const link = linkToken(
      await inbox.waitFor(contested, /Confirm your new email/),
      '/verify-email',
    );
    await new Actor(atrium.url).run(SignUp, {
      input: { email: contested, password: STRONG_PASSWORD, fullName: 'Quick' },
    });
    expect(errorCode(await second.actor.execute(ConfirmEmailChange, { token: link }))).toBe(
      'CONFLICT',
    );
    expect((await second.actor.run(Me)).me?.email).toBe(second.email);
  });

  it('20 parallel redemptions of one link: exactly one succeeds', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Racer');
    const newEmail = uniqueEmail('raced');
    await actor.run(RequestEmailChange, { input: { newEmail, password: STRONG_PASSWORD } });
    const token = linkToken(
      await inbox.waitFor(newEmail, /Confirm your new email/),
      '/verify-email',
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        new Actor(atrium.url).execute(ConfirmEmailChange, { token }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'BAD_USER_INPUT')).toHaveLength(19);
  });

  it('writes mail in the account language', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Hablante');
    await actor.run(UpdateProfile, { input: { locale: 'es' } });
    const newEmail = uniqueEmail('nuevo');
    await actor.run(RequestEmailChange, { input: { newEmail, password: STRONG_PASSWORD } });
    const mail = await inbox.waitFor(newEmail, /Confirma tu nueva dirección/);
    expect(mail.text).toContain('Hola, Hablante');
    expect(mail.html).toContain('lang="es"');
  });
});

describe('phone change', () => {
  it('validates the number, texts a code to it through the provider, and sets it when the code is right', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Caller');
    expect(
      fieldErrors(
        await actor.execute(RequestPhoneChange, {
          input: { phone: '12345', password: STRONG_PASSWORD },
        }),
      ),
    ).toHaveProperty('phone');
    expect(
      fieldErrors(
        await actor.execute(RequestPhoneChange, {
          input: { phone: '+34 612 345 678', password: 'Nope-nope-1' },
        }),
      ),
    ).toEqual({
      password: 'Wrong password',
    });

    await actor.run(RequestPhoneChange, {
      input: { phone: '+34 612 34 56 78', password: STRONG_PASSWORD },
    });
    const sent = sms.messages.at(-1)!;
    expect(sent).toMatchObject({ to: '+34612345678', from: FakeSmsProvider.from });
    const code = sms.latestCode('+34612345678');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(fieldErrors(await actor.execute(ConfirmPhoneChange, { code: wrong }))).toEqual({
      code: 'That code is not right',
    });
    expect(fieldErrors(await actor.execute(ConfirmPhoneChange, { code: 'abc' }))).toHaveProperty(
      'code',
    );
    expect((await actor.run(ConfirmPhoneChange, { code })).confirmPhoneChange.phone).toBe(
      '+34612345678',
    );
    expect((await account(email)).phoneVerifiedAt).not.toBeNull();
  });

  it('texts a new code to the number waiting for one; the new code works, the old one not', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Impatient');
    expect(errorCode(await actor.execute(ResendPhoneCode))).toBe('BAD_USER_INPUT');
    await actor.run(RequestPhoneChange, {
      input: { phone: '+34 622 111 333', password: STRONG_PASSWORD },
    });
    expect((await actor.run(PendingChanges)).me?.pendingPhone).toBe('+34622111333');
    const first = sms.latestCode('+34622111333');
    const sent = sms.messages.length;
    expect((await actor.run(ResendPhoneCode)).resendPhoneCode).toBe(true);
    expect(sms.messages).toHaveLength(sent + 1);
    const second = sms.latestCode('+34622111333');
    if (first !== second) {
      expect(fieldErrors(await actor.execute(ConfirmPhoneChange, { code: first })).code).toBe(
        'That code is not right',
      );
    }
    expect((await actor.run(ConfirmPhoneChange, { code: second })).confirmPhoneChange.phone).toBe(
      '+34622111333',
    );
    expect((await actor.run(PendingChanges)).me?.pendingPhone).toBeNull();
  });

  it('removes the number, on the security timeline', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Unplugged');
    await actor.run(RequestPhoneChange, {
      input: { phone: '+34 633 444 555', password: STRONG_PASSWORD },
    });
    await actor.run(ConfirmPhoneChange, { code: sms.latestCode('+34633444555') });

    expect((await actor.run(RemovePhone)).removePhone.phone).toBeNull();
    expect(await account(email)).toMatchObject({ phone: null, phoneVerifiedAt: null });
    const types = (await actor.run(MySecurityEvents)).mySecurityEvents.edges.map(
      (e) => e.node.type,
    );
    expect(types.slice(0, 2)).toEqual(['PHONE_REMOVED', 'PHONE_CHANGED']);
    // Without a number there is nothing to remove, and nothing is recorded.
    expect((await actor.run(RemovePhone)).removePhone.phone).toBeNull();
    expect((await actor.run(MySecurityEvents)).mySecurityEvents.edges).toHaveLength(types.length);
  });

  it('allows 5 wrong codes, then refuses even the right one', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Guesser');
    await actor.run(RequestPhoneChange, {
      input: { phone: '+1 415 555 2671', password: STRONG_PASSWORD },
    });
    const code = sms.latestCode('+14155552671');
    const wrong = code === '999999' ? '888888' : '999999';
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => actor.execute(ConfirmPhoneChange, { code: wrong })),
    );
    const messages = guesses.map((g) => fieldErrors(g).code);
    expect(messages.filter((m) => m === 'That code is not right')).toHaveLength(5);
    expect(messages.filter((m) => /Too many wrong codes/.test(m))).toHaveLength(3);
    expect(fieldErrors(await actor.execute(ConfirmPhoneChange, { code })).code).toMatch(
      /Too many wrong codes/,
    );
    expect((await actor.run(Me)).me?.phone).toBeNull();
  });
});

describe('password change', () => {
  it('enforces the policy, including the common-password list and context words', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Policy');
    const [organization] = (await actor.run(MyOrganizations)).myOrganizations;
    await actor.run(UpdateOrganization, {
      id: organization.id,
      input: { name: 'Zephyr Logistics' },
    });
    const cases: Array<[string, RegExp]> = [
      ['Sh0rt!', /at least 8/],
      ['no-uppercase-1', /uppercase/],
      ['No-Number-Here', /number/],
      ['NoSpecial123', /special/],
      ['P@ssw0rd', /too common/],
      ['Password123!', /too common/],
      ['Atr1um#2024', /must not contain your name/],
      ['Zephyr#2024!', /must not contain your name/],
      [email.charAt(0).toUpperCase() + email.slice(1), /must not be your email/],
    ];
    for (const [newPassword, message] of cases) {
      const result = await actor.execute(ChangePassword, {
        input: { currentPassword: STRONG_PASSWORD, newPassword },
      });
      expect(fieldErrors(result).newPassword).toMatch(message);
    }
    expect(
      fieldErrors(
        await actor.execute(ChangePassword, {
          input: { currentPassword: 'Wrong-one-1', newPassword: 'Better-pass-42' },
        }),
      ),
    ).toEqual({
      currentPassword: 'Wrong password',
    });
    // Nothing changed: the old password still works.
    await new Actor(atrium.url).run(LogIn, { input: { email, password: STRONG_PASSWORD } });
  });

  it('changes it, optionally signs out the other sessions, and mails a notice', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Changer');
    const other = new Actor(atrium.url);
    await other.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const newPassword = `Long-${'y'.repeat(190)}-9`;
    await actor.run(ChangePassword, {
      input: { currentPassword: STRONG_PASSWORD, newPassword, signOutOtherSessions: true },
    });
    expect((await other.run(Me)).me).toBeNull();
    expect((await actor.run(Me)).me?.email).toBe(email);
    await inbox.waitFor(email, /password was changed/);
    await new Actor(atrium.url).run(LogIn, { input: { email, password: newPassword } });
    expect(
      errorCode(
        await new Actor(atrium.url).execute(LogIn, { input: { email, password: STRONG_PASSWORD } }),
      ),
    ).toBe('UNAUTHENTICATED');
  });
});

describe('forgot password', () => {
  it('answers the same for an unknown address and sends nothing', async () => {
    const nobody = uniqueEmail('nobody');
    const result = await new Actor(atrium.url).execute(RequestPasswordReset, { email: nobody });
    expect(result).toMatchObject({ data: { requestPasswordReset: true }, errors: undefined });
    // Nothing was even queued for that address.
    const queued = await atrium.dataSource
      .getRepository(JobEntity)
      .countBy({ kind: 'mail.send', payload: Like(`%${nobody}%`) });
    expect(queued).toBe(0);
    expect(inbox.mailsTo(nobody)).toEqual([]);
  });

  it('resets through the mailed link, signs out every session, and the link works once', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Forgetful');
    await new Actor(atrium.url).run(RequestPasswordReset, { email: email.toUpperCase() });
    const mail = await inbox.waitFor(email, /Reset your Atrium password/);
    const token = linkToken(mail, '/reset-password');
    expect(mail.text).toContain('http://app.example.test/reset-password?token=');

    const stranger = new Actor(atrium.url);
    // A weak password is refused and the link stays usable.
    expect(
      fieldErrors(await stranger.execute(ResetPassword, { input: { token, newPassword: 'weak' } })),
    ).toHaveProperty('newPassword');
    await stranger.run(ResetPassword, { input: { token, newPassword: 'Brand-new-pass-7' } });
    expect((await actor.run(Me)).me).toBeNull();
    await new Actor(atrium.url).run(LogIn, { input: { email, password: 'Brand-new-pass-7' } });
    expect(
      fieldErrors(
        await stranger.execute(ResetPassword, { input: { token, newPassword: 'Another-pass-8' } }),
      ),
    ).toHaveProperty('token');
  });

  it('20 parallel resets with one link: exactly one succeeds', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Reset Racer');
    await new Actor(atrium.url).run(RequestPasswordReset, { email });
    const token = linkToken(
      await inbox.waitFor(email, /Reset your Atrium password/),
      '/reset-password',
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Actor(atrium.url).execute(ResetPassword, {
          input: { token, newPassword: `Racing-pass-${i}!` },
        }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.errors ? [] : [i]));
    expect(winners).toHaveLength(1);
    await new Actor(atrium.url).run(LogIn, {
      input: { email, password: `Racing-pass-${winners[0]}!` },
    });
  });

  it('limits requests per address with RATE_LIMITED and a retry-after', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Spammed');
    const results = [];
    for (let i = 0; i < 4; i += 1)
      results.push(await new Actor(atrium.url).execute(RequestPasswordReset, { email }));
    expect(results.slice(0, 3).every((r) => r.data?.requestPasswordReset === true)).toBe(true);
    expect(errorCode(results[3])).toBe('RATE_LIMITED');
    expect(results[3].errors?.[0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });

  it('rejects a malformed address as BAD_USER_INPUT on email', async () => {
    expect(
      fieldErrors(
        await new Actor(atrium.url).execute(RequestPasswordReset, { email: 'not an email' }),
      ),
    ).toHaveProperty('email');
  });
});

describe('log-in limits', () => {
  it('locks an address after 100 consecutive failures with the same answer as a wrong password', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Locked Out');
    // Each guess from its own address, as a botnet would; 100 failures in total.
    for (let batch = 0; batch < 10; batch += 1) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          new Actor(atrium.url).execute(LogIn, { input: { email, password: 'Guess-wrong-1' } }),
        ),
      );
    }
    const right = await new Actor(atrium.url).execute(LogIn, {
      input: { email, password: STRONG_PASSWORD },
    });
    expect(right.errors?.[0]).toMatchObject({
      message: 'Invalid email or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }, 60_000);
});

describe('signed-out callers', () => {
  it.each([
    [
      'requestEmailChange',
      () =>
        new Actor(atrium.url).execute(RequestEmailChange, {
          input: { newEmail: 'a@b.co', password: 'x' },
        }),
    ],
    ['resendVerificationEmail', () => new Actor(atrium.url).execute(ResendVerificationEmail)],
    [
      'requestPhoneChange',
      () =>
        new Actor(atrium.url).execute(RequestPhoneChange, {
          input: { phone: '+34612345678', password: 'x' },
        }),
    ],
    [
      'confirmPhoneChange',
      () => new Actor(atrium.url).execute(ConfirmPhoneChange, { code: '123456' }),
    ],
    [
      'changePassword',
      () =>
        new Actor(atrium.url).execute(ChangePassword, {
          input: { currentPassword: 'x', newPassword: 'y' },
        }),
    ],
  ])('cannot %s', async (_name, attempt) => {
    expect(errorCode(await attempt())).toBe('UNAUTHENTICATED');
  });
});

describe('mail as jobs', () => {
  it('keeps a mail through an SMTP outage and delivers it when the server is back', async () => {
    const port = await freePort();
    const local = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    let laterInbox: SmtpInbox | null = null;
    try {
      const { email } = await signedUpBrowser(local.url, 'Patient Person');
      const jobs = local.dataSource.getRepository(JobEntity);
      const deadline = Date.now() + 5000;
      let failed: JobEntity[] = [];
      while (failed.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        failed = await jobs.find({
          where: {
            kind: 'mail.send',
            lastError: Not(IsNull()),
            status: 'PENDING',
            payload: Like(`%${email}%`),
          },
        });
      }
      expect(failed).toHaveLength(1);
      expect(failed[0].attempts).toBeGreaterThanOrEqual(1);

      laterInbox = await SmtpInbox.start(port);
      const mail = await laterInbox.waitFor(email, /Confirm your email address/, 15_000);
      expect(linkToken(mail, '/verify-email')).toMatch(/^[\w-]{43}$/);
      // Marked sent once the SMTP server has acknowledged it.
      let row = await jobs.findOneByOrFail({ id: failed[0].id });
      for (let i = 0; i < 50 && row.status !== 'SUCCEEDED'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        row = await jobs.findOneByOrFail({ id: failed[0].id });
      }
      expect(row.status).toBe('SUCCEEDED');
      expect(row.finishedAt).not.toBeNull();
    } finally {
      await local.close();
      await laterInbox?.close();
    }
  }, 30_000);
});

describe('without SMTP or an SMS provider', () => {
  it('writes mail as .eml and SMS as .json into OUTBOX_DIR', async () => {
    const outbox = mkdtempSync(path.join(tmpdir(), 'atrium-outbox-'));
    const local = await startTestServer({ OUTBOX_DIR: outbox });
    try {
      const { actor } = await signedUpBrowser(local.url, 'Outbox Reader');
      await actor.run(RequestPhoneChange, {
        input: { phone: '+34 699 123 456', password: STRONG_PASSWORD },
      });
      // Mail leaves through the job runner: wait for the file rather than a fixed time.
      let files = readdirSync(outbox);
      for (let waited = 0; !files.some((f) => f.endsWith('.eml')) && waited < 5000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        files = readdirSync(outbox);
      }
      const eml = files.find((f) => f.endsWith('.eml'));
      const json = files.find((f) => f.endsWith('.json'));
      const mail = await simpleParser(readFileSync(path.join(outbox, eml!)));
      expect(mail.subject).toBe('Confirm your email address');
      expect(mail.text).toContain(`${local.url}/verify-email?token=`);
      expect(JSON.parse(readFileSync(path.join(outbox, json!), 'utf8'))).toMatchObject({
        to: '+34699123456',
        body: expect.stringMatching(/\d{6}/),
      });
    } finally {
      await local.close();
    }
  });
});
