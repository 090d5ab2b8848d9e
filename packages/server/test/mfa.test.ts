import type { AtriumServer } from '../src/app';
import { AccountEntity } from '../src/modules/account/account.entity';
import { SessionEntity } from '../src/modules/session/session.entity';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import {
  ChangePassword,
  CompleteMfaChallenge,
  ConfirmTotpEnrollment,
  DisableMfa,
  LogIn,
  Me,
  MySecurityEvents,
  MySessions,
  Reauthenticate,
  RegenerateBackupCodes,
  RequestEmailChange,
  RequestPhoneChange,
  RemainingBackupCodes,
  RemovePhone,
  RevokeSession,
  StartTotpEnrollment,
} from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import { SmtpInbox } from './support/smtp';
import { startTestServer } from './support/server';
import { authenticatorCode } from './support/totp';

let atrium: AtriumServer;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  atrium = await startTestServer({ SMTP_URL: inbox.url });
});

afterAll(async () => {
  await atrium.close();
  await inbox.close();
});

/** A signed-in person with MFA turned on: their secret and backup codes. */
async function withMfa(name: string) {
  const person = await signedUpBrowser(atrium.url, name);
  const { secret } = (await person.actor.run(StartTotpEnrollment)).startTotpEnrollment;
  const enrolledAt = Date.now();
  const { codes } = (
    await person.actor.run(ConfirmTotpEnrollment, {
      code: authenticatorCode(secret, enrolledAt),
    })
  ).confirmTotpEnrollment;
  return { ...person, secret, enrolledAt, backupCodes: codes };
}

async function challenge(
  email: string,
  actor = new Actor(atrium.url),
): Promise<{ actor: Actor; challengeId: string }> {
  const { logIn } = await actor.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
  if (logIn.__typename !== 'MfaChallenge') throw new Error('expected a challenge');
  return { actor, challengeId: logIn.challengeId };
}

/** Moves the session's last re-authentication out of the 10-minute window. */
async function ageReauthentication(actor: Actor): Promise<void> {
  const current = (await actor.run(MySessions)).mySessions.find((s) => s.current)!;
  await atrium.dataSource
    .getRepository(SessionEntity)
    .update({ id: current.id }, { reauthenticatedAt: new Date(Date.now() - 11 * 60 * 1000) });
}

describe('TOTP enrollment', () => {
  it('gives a 160-bit key, an otpauth URI and a QR code, and turns MFA on with a code from the app', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Enroller');
    const enrollment = (await actor.run(StartTotpEnrollment)).startTotpEnrollment;
    expect(enrollment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.otpauthUri).toBe(
      `otpauth://totp/Atrium:${encodeURIComponent(email)}?secret=${enrollment.secret}&issuer=Atrium&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrollment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await actor.execute(ConfirmTotpEnrollment, {
      code: '000000' === authenticatorCode(enrollment.secret) ? '111111' : '000000',
    });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect((await actor.run(Me)).me?.mfaEnabled).toBe(false);

    const { codes } = (
      await actor.run(ConfirmTotpEnrollment, { code: authenticatorCode(enrollment.secret) })
    ).confirmTotpEnrollment;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((code) => expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/));
    expect((await actor.run(Me)).me?.mfaEnabled).toBe(true);
    await inbox.waitFor(email, /Two-factor authentication is on/);

    const stored = await atrium.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ emailNormalized: email });
    expect(stored.totpSecret).toMatch(/^v1\./);
    expect(stored.totpSecret).not.toContain(enrollment.secret);
  });

  it('can sign out the other sessions when MFA goes on', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Tidy Enroller');
    const other = new Actor(atrium.url);
    await other.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const { secret } = (await actor.run(StartTotpEnrollment)).startTotpEnrollment;
    await actor.run(ConfirmTotpEnrollment, {
      code: authenticatorCode(secret),
      signOutOtherSessions: true,
    });
    expect((await other.run(Me)).me).toBeNull();
    expect((await actor.run(Me)).me?.email).toBe(email);
  });
});

describe('log-in with MFA', () => {
  it('answers a challenge, completes with a code from the app, and refuses the same time step twice', async () => {
    const { email, secret, enrolledAt } = await withMfa('Two Step');
    // The enrollment used its time step: that code cannot sign in, even if the clock has
    // moved on to the next step since.
    const first = await challenge(email);
    expect(
      errorCode(
        await first.actor.execute(CompleteMfaChallenge, {
          input: { challengeId: first.challengeId, code: authenticatorCode(secret, enrolledAt) },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    // The step after it (within the ±1 window) can, once.
    const next = authenticatorCode(secret, enrolledAt + 30_000);
    const done = await first.actor.run(CompleteMfaChallenge, {
      input: { challengeId: first.challengeId, code: next },
    });
    expect(done.completeMfaChallenge.account.email).toBe(email);
    expect(first.actor.cookies.get('atrium_session')).toBeDefined();
    expect((await first.actor.run(Me)).me?.email).toBe(email);

    const replay = await challenge(email);
    const again = await replay.actor.execute(CompleteMfaChallenge, {
      input: { challengeId: replay.challengeId, code: next },
    });
    expect(again.errors?.[0].extensions?.fields).toEqual({ code: 'That code is not right' });
  });

  it('allows at most 5 wrong codes per challenge', async () => {
    const { email, secret } = await withMfa('Fumbler');
    const { actor, challengeId } = await challenge(email);
    const right = authenticatorCode(secret, Date.now() + 30_000);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1) {
      const result = await actor.execute(CompleteMfaChallenge, {
        input: { challengeId, code: wrong },
      });
      expect(result.errors?.[0].extensions?.fields).toEqual({ code: 'That code is not right' });
    }
    const sixth = await actor.execute(CompleteMfaChallenge, {
      input: { challengeId, code: right },
    });
    expect(sixth.errors?.[0].extensions?.fields).toEqual({
      code: 'Too many wrong codes; sign in again',
    });
  });

  it('accepts a backup code once, even when it is tried 10 times in parallel', async () => {
    const { email, backupCodes } = await withMfa('Backup User');
    const challenges = await Promise.all(Array.from({ length: 10 }, () => challenge(email)));
    const results = await Promise.all(
      challenges.map(({ actor, challengeId }) =>
        actor.execute(CompleteMfaChallenge, {
          input: { challengeId, code: backupCodes[0].toLowerCase(), issueToken: true },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    // Another code still works.
    const last = await challenge(email);
    await last.actor.run(CompleteMfaChallenge, {
      input: { challengeId: last.challengeId, code: backupCodes[1] },
    });
  });

  it('counts the backup codes left: 10, one fewer per code used, 0 with MFA off', async () => {
    const { actor, email, backupCodes } = await withMfa('Counter');
    const left = async () => (await actor.run(RemainingBackupCodes)).me?.remainingBackupCodes;
    expect(await left()).toBe(10);
    const { actor: other, challengeId } = await challenge(email);
    await other.run(CompleteMfaChallenge, { input: { challengeId, code: backupCodes[3] } });
    expect(await left()).toBe(9);
    await actor.run(RegenerateBackupCodes);
    expect(await left()).toBe(10);
    await actor.run(DisableMfa);
    expect(await left()).toBe(0);
  });

  it('refuses an unknown challenge', async () => {
    const result = await new Actor(atrium.url).execute(CompleteMfaChallenge, {
      input: { challengeId: 'nope', code: '123456' },
    });
    expect(result.errors?.[0].extensions?.fields).toHaveProperty('challengeId');
  });

  it('regenerating backup codes voids the old set; disabling MFA ends the challenge step and sends a notice', async () => {
    const { actor, email, backupCodes } = await withMfa('Regenerator');
    const fresh = (await actor.run(RegenerateBackupCodes)).regenerateBackupCodes.codes;
    const old = await challenge(email);
    expect(
      errorCode(
        await old.actor.execute(CompleteMfaChallenge, {
          input: { challengeId: old.challengeId, code: backupCodes[2] },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    await old.actor.run(CompleteMfaChallenge, {
      input: { challengeId: old.challengeId, code: fresh[0] },
    });

    expect((await actor.run(DisableMfa)).disableMfa).toBe(true);
    await inbox.waitFor(email, /Two-factor authentication was turned off/);
    const plain = await new Actor(atrium.url).run(LogIn, {
      input: { email, password: STRONG_PASSWORD },
    });
    expect(plain.logIn.__typename).toBe('AuthPayload');
  });
});

describe('re-authentication (sudo mode)', () => {
  const guarded: Array<[string, (actor: Actor) => Promise<GraphQLResult<unknown>>]> = [
    [
      'requestEmailChange',
      (a) =>
        a.execute(RequestEmailChange, {
          input: { newEmail: 'new-sudo@example.test', password: STRONG_PASSWORD },
        }),
    ],
    [
      'requestPhoneChange',
      (a) =>
        a.execute(RequestPhoneChange, {
          input: { phone: '+34 612 345 678', password: STRONG_PASSWORD },
        }),
    ],
    [
      'changePassword',
      (a) =>
        a.execute(ChangePassword, {
          input: { currentPassword: STRONG_PASSWORD, newPassword: 'Another-good-1' },
        }),
    ],
    ['startTotpEnrollment', (a) => a.execute(StartTotpEnrollment)],
    ['confirmTotpEnrollment', (a) => a.execute(ConfirmTotpEnrollment, { code: '123456' })],
    ['regenerateBackupCodes', (a) => a.execute(RegenerateBackupCodes)],
    ['disableMfa', (a) => a.execute(DisableMfa)],
    ['removePhone', (a) => a.execute(RemovePhone)],
  ];

  it.each(guarded)('%s needs a re-authentication within 10 minutes', async (_name, attempt) => {
    const { actor } = await signedUpBrowser(atrium.url, 'Stale Session');
    await ageReauthentication(actor);
    expect(errorCode(await attempt(actor))).toBe('REAUTHENTICATION_REQUIRED');
  });

  it('reauthenticate with the password opens the window again and rotates the cookie', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Sudo Person');
    await ageReauthentication(actor);
    const oldCookie = actor.cookies.get('atrium_session')!;
    expect(
      errorCode(await actor.execute(Reauthenticate, { input: { password: 'Wrong-pass-1' } })),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await actor.execute(Reauthenticate, { input: {} }))).toBe('BAD_USER_INPUT');
    await actor.run(Reauthenticate, { input: { password: STRONG_PASSWORD } });
    expect(actor.cookies.get('atrium_session')).not.toBe(oldCookie);
    expect((await actor.run(StartTotpEnrollment)).startTotpEnrollment.secret).toMatch(
      /^[A-Z2-7]{32}$/,
    );
    const stale = new Actor(atrium.url);
    stale.cookies.set('atrium_session', oldCookie);
    expect((await stale.run(Me)).me).toBeNull();
  });

  it('accepts a TOTP code when MFA is on, and keeps a bearer token working', async () => {
    const { email, secret, backupCodes } = await withMfa('Sudo Tool');
    const { actor, challengeId } = await challenge(email);
    const token = (
      await actor.run(CompleteMfaChallenge, {
        input: { challengeId, code: backupCodes[0], issueToken: true },
      })
    ).completeMfaChallenge.token!;
    const tool = new Actor(atrium.url).withToken(token);
    await ageReauthentication(tool);
    await tool.run(Reauthenticate, {
      input: { code: authenticatorCode(secret, Date.now() + 30_000) },
    });
    expect((await tool.run(RegenerateBackupCodes)).regenerateBackupCodes.codes).toHaveLength(10);
  });

  it('is refused for an anonymous caller', async () => {
    expect(
      errorCode(await new Actor(atrium.url).execute(Reauthenticate, { input: { password: 'x' } })),
    ).toBe('UNAUTHENTICATED');
  });
});

describe('security timeline', () => {
  it('records sign-ups, sign-ins (new devices flagged and mailed), failures and changes, newest first, in pages', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Timeline');
    await new Actor(atrium.url).execute(LogIn, { input: { email, password: 'Wrong-pass-1' } });
    const phone = new Actor(atrium.url, {
      'user-agent':
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    });
    await phone.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    await actor.run(ChangePassword, {
      input: { currentPassword: STRONG_PASSWORD, newPassword: 'Copper-Kite-Meadow-2' },
    });

    const { edges, pageInfo } = (await actor.run(MySecurityEvents, { first: 10 })).mySecurityEvents;
    expect(edges.map((e) => e.node.type)).toEqual([
      'PASSWORD_CHANGED',
      'SIGN_IN',
      'SIGN_IN_FAILED',
      'SIGN_UP',
    ]);
    expect(pageInfo.hasNextPage).toBe(false);
    const signIn = edges[1].node;
    expect(signIn).toMatchObject({
      newDevice: true,
      device: 'Mobile Safari 17 · iOS 17.5',
      ipAddress: phone.ip,
    });
    const notice = await inbox.waitFor(email, /New sign-in to your Atrium account/);
    expect(notice.text).toContain('Mobile Safari 17 · iOS 17.5');

    const firstPage = (await actor.run(MySecurityEvents, { first: 2 })).mySecurityEvents;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = (
      await actor.run(MySecurityEvents, { first: 2, after: firstPage.pageInfo.endCursor })
    ).mySecurityEvents;
    expect([...firstPage.edges, ...secondPage.edges].map((e) => e.node.id)).toEqual(
      edges.map((e) => e.node.id),
    );
  });

  it('names the device signed out, beside the one it was done from', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Revoker');
    const laptop = new Actor(atrium.url, {
      'user-agent':
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    });
    await laptop.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const laptopSession = (await actor.run(MySessions)).mySessions.find((s) => !s.current)!;
    await actor.run(RevokeSession, { id: laptopSession.id });

    const [revoked] = (await actor.run(MySecurityEvents)).mySecurityEvents.edges;
    expect(revoked.node).toMatchObject({
      type: 'SESSION_REVOKED',
      targetDevice: 'Chrome 131 · Windows 10',
    });
    expect(revoked.node.device).not.toBe('Chrome 131 · Windows 10');
  });

  it('does not flag a device the account already used', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Regular');
    const again = new Actor(atrium.url);
    await again.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const events = (await again.run(MySecurityEvents)).mySecurityEvents.edges.map((e) => e.node);
    expect(events[0]).toMatchObject({ type: 'SIGN_IN', newDevice: false });
  });

  it('rejects a page size out of range and anonymous callers', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Pager');
    expect(errorCode(await actor.execute(MySecurityEvents, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await new Actor(atrium.url).execute(MySecurityEvents))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('signed-out callers', () => {
  it.each([
    ['startTotpEnrollment', () => new Actor(atrium.url).execute(StartTotpEnrollment)],
    [
      'confirmTotpEnrollment',
      () => new Actor(atrium.url).execute(ConfirmTotpEnrollment, { code: '123456' }),
    ],
    ['regenerateBackupCodes', () => new Actor(atrium.url).execute(RegenerateBackupCodes)],
    ['disableMfa', () => new Actor(atrium.url).execute(DisableMfa)],
  ])('cannot %s', async (_name, attempt) => {
    expect(errorCode(await attempt())).toBe('UNAUTHENTICATED');
  });

  it('a person without MFA cannot regenerate codes or disable it, and bad codes are named', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'No Mfa');
    expect(errorCode(await actor.execute(RegenerateBackupCodes))).toBe('CONFLICT');
    expect(errorCode(await actor.execute(DisableMfa))).toBe('CONFLICT');
    const noEnrollment = await actor.execute(ConfirmTotpEnrollment, { code: '123456' });
    expect(noEnrollment.errors?.[0].extensions?.fields).toHaveProperty('code');
  });
});
