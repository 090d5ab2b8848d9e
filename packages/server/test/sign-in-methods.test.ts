import type { AtriumServer } from '../src/app';
import { MfaChallengeEntity } from '../src/modules/mfa/mfa-challenge.entity';
import { PasskeyEntity } from '../src/modules/passkey/passkey.entity';
import { WebAuthnChallengeEntity } from '../src/modules/passkey/webauthn-challenge.entity';
import { SessionEntity } from '../src/modules/session/session.entity';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import {
  CompleteMfaChallenge,
  ConfirmPhoneChange,
  ConfirmTotpEnrollment,
  LogIn,
  Me,
  MySecurityEvents,
  MySessions,
  Reauthenticate,
  RemovePhone,
  RequestPhoneChange,
  StartTotpEnrollment,
} from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import {
  CompletePasskeySignIn,
  DisableMfaMethod,
  EnableSmsMfa,
  FinishPasskeyRegistration,
  LogInChallenge,
  MyMfa,
  MyPasskeys,
  RemovePasskey,
  RenamePasskey,
  SendMfaSmsCode,
  SetDefaultMfaMethod,
  StartPasskeyReauthentication,
  StartPasskeyRegistration,
  StartPasskeySignIn,
} from './support/signin-documents';
import { FakeSmsProvider } from './support/sms-provider';
import { SmtpInbox } from './support/smtp';
import { startTestServer } from './support/server';
import { authenticatorCode } from './support/totp';
import { SoftwareAuthenticator } from './support/webauthn';

let atrium: AtriumServer;
let inbox: SmtpInbox;
let sms: FakeSmsProvider;
let origin: string;

/** Each test texts numbers of its own country, so the per-country limit counts them apart. */
const PHONES = {
  FR: '+33612345678',
  DE: '+4915123456789',
  IT: '+393123456789',
  PT: '+351912345678',
  NL: '+31612345678',
  SE: '+46701234567',
  IE: '+353851234567',
  IS: '+3546111234',
} as const;
const COUNTRY_LIMIT = 6;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  sms = await FakeSmsProvider.start();
  atrium = await startTestServer({
    SMTP_URL: inbox.url,
    ...sms.env,
    SMS_COUNTRY_HOURLY_LIMIT: String(COUNTRY_LIMIT),
  });
  origin = new URL(atrium.url).origin;
  // On a shared Redis, counters of an earlier run this hour would still count.
  for (const country of Object.keys(PHONES)) {
    await atrium.services.limits.reset('smsPerCountry', country);
  }
});

afterAll(async () => {
  await atrium.close();
  await sms.close();
  await inbox.close();
});

const reasonsOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.reasons;
const reasonOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.reason;

/** Moves the session's last re-authentication out of the 10-minute window. */
async function ageReauthentication(actor: Actor): Promise<void> {
  const current = (await actor.run(MySessions)).mySessions.find((s) => s.current)!;
  await atrium.dataSource
    .getRepository(SessionEntity)
    .update({ id: current.id }, { reauthenticatedAt: new Date(Date.now() - 11 * 60 * 1000) });
}

/** A signed-in person with a passkey on `authenticator`. */
async function withPasskey(name: string, authenticator = new SoftwareAuthenticator({ origin })) {
  const person = await signedUpBrowser(atrium.url, name);
  const options = (await person.actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
  const passkey = (
    await person.actor.run(FinishPasskeyRegistration, {
      input: { response: authenticator.register(options) },
    })
  ).finishPasskeyRegistration;
  return { ...person, authenticator, passkey };
}

/** A log-in from a new browser with the passkey: the answer, and the actor that asked. */
async function passkeySignIn(
  authenticator: SoftwareAuthenticator,
  answer = (options: Parameters<SoftwareAuthenticator['assert']>[0]) =>
    authenticator.assert(options),
) {
  const actor = new Actor(atrium.url);
  const { attemptId, options } = (await actor.run(StartPasskeySignIn)).startPasskeySignIn;
  const response = answer(options);
  const result = await actor.execute(CompletePasskeySignIn, { input: { attemptId, response } });
  return { actor, attemptId, response, result };
}

async function timeline(actor: Actor) {
  return (await actor.run(MySecurityEvents, { first: 20 })).mySecurityEvents.edges.map(
    (edge) => edge.node,
  );
}

describe('registering a passkey', () => {
  it('asks for a discoverable credential with user verification, for APP_URL, under a random user handle', async () => {
    const { actor, email, accountId } = await signedUpBrowser(atrium.url, 'Options Person');
    const options = (await actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    expect(options.rp).toEqual({ id: 'localhost', name: 'Atrium' });
    expect(options.user.name).toBe(email);
    expect(options.user.displayName).toBe('Options Person');
    expect(Buffer.from(options.user.id, 'base64url')).toHaveLength(32);
    expect(Buffer.from(options.user.id, 'base64url').toString()).not.toContain(accountId);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'required',
    });
    expect(options.attestation).toBe('none');
    expect(options.excludeCredentials).toEqual([]);
    expect(options.pubKeyCredParams.map((p) => p.alg)).toContain(-7);
  });

  it('keeps the key, names it after the device, lists it, and says so on the timeline and by mail', async () => {
    const { actor, email, passkey, authenticator } = await withPasskey('Key Holder');
    expect(passkey).toMatchObject({ kind: 'DEVICE_BOUND', backedUp: false, lastUsedAt: null });
    expect(passkey.name).toBeTruthy();
    expect((await actor.run(MyPasskeys)).myPasskeys).toEqual([passkey]);
    const [added] = await timeline(actor);
    expect(added).toMatchObject({ type: 'PASSKEY_ADDED', targetDevice: passkey.name });
    await inbox.waitFor(email, /A passkey was added to your Atrium account/);

    // The next registration lists the first as excluded: the authenticator will not make two.
    const again = (await actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    expect(again.excludeCredentials?.map((c) => c.id)).toEqual([
      authenticator.credentials[0].id.toString('base64url'),
    ]);
    expect(again.user.id).toBe(
      (await actor.run(StartPasskeyRegistration)).startPasskeyRegistration.user.id,
    );
    const stored = await atrium.dataSource
      .getRepository(PasskeyEntity)
      .findOneByOrFail({ id: passkey.id });
    expect(stored.publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('marks a synced passkey as such', async () => {
    const { passkey } = await withPasskey(
      'Synced Person',
      new SoftwareAuthenticator({ origin, synced: true, counts: false }),
    );
    expect(passkey).toMatchObject({ kind: 'SYNCED', backedUp: true });
  });

  it('refuses an answer from another origin, to another session’s challenge, or twice', async () => {
    const { actor, email } = await signedUpBrowser(atrium.url, 'Careful Registrant');
    const authenticator = new SoftwareAuthenticator({ origin });
    const options = (await actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    const phished = await actor.execute(FinishPasskeyRegistration, {
      input: { response: authenticator.register(options, 'https://atrium.example.evil') },
    });
    expect(reasonsOf(phished)).toEqual({ response: 'PASSKEY_REGISTRATION_FAILED' });
    // That challenge is used up: even a right answer to it is refused now.
    const late = await actor.execute(FinishPasskeyRegistration, {
      input: { response: authenticator.register(options) },
    });
    expect(reasonsOf(late)).toEqual({ response: 'PASSKEY_CHALLENGE_EXPIRED' });

    // A challenge belongs to the session that asked for it.
    const otherDevice = new Actor(atrium.url);
    await otherDevice.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const mine = (await actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    const stolen = await otherDevice.execute(FinishPasskeyRegistration, {
      input: { response: authenticator.register(mine) },
    });
    expect(reasonsOf(stolen)).toEqual({ response: 'PASSKEY_CHALLENGE_EXPIRED' });

    const fresh = (await actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    const response = authenticator.register(fresh);
    await actor.run(FinishPasskeyRegistration, { input: { response, name: 'Laptop' } });
    const replay = await actor.execute(FinishPasskeyRegistration, { input: { response } });
    expect(reasonsOf(replay)).toEqual({ response: 'PASSKEY_CHALLENGE_EXPIRED' });
    expect((await actor.run(MyPasskeys)).myPasskeys.map((p) => p.name)).toEqual(['Laptop']);
  });

  it('refuses a credential that is already registered', async () => {
    const first = await withPasskey('First Owner');
    const second = await signedUpBrowser(atrium.url, 'Second Owner');
    const options = (await second.actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    // Another authenticator answering with the first one's credential id.
    const response = new SoftwareAuthenticator({ origin }).register(
      options,
      origin,
      first.authenticator.credentials[0].id,
    );
    const duplicate = await second.actor.execute(FinishPasskeyRegistration, {
      input: { response },
    });
    expect(errorCode(duplicate)).toBe('CONFLICT');
    expect(reasonOf(duplicate)).toBe('PASSKEY_ALREADY_REGISTERED');
    expect((await second.actor.run(MyPasskeys)).myPasskeys).toEqual([]);
    expect((await first.actor.run(MyPasskeys)).myPasskeys).toHaveLength(1);
  });

  it('needs a recent re-authentication to start, finish and remove', async () => {
    const { actor, passkey, authenticator } = await withPasskey('Stale Registrant');
    const options = (await actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    await ageReauthentication(actor);
    expect(errorCode(await actor.execute(StartPasskeyRegistration))).toBe(
      'REAUTHENTICATION_REQUIRED',
    );
    const finish = await actor.execute(FinishPasskeyRegistration, {
      input: { response: new SoftwareAuthenticator({ origin }).register(options) },
    });
    expect(errorCode(finish)).toBe('REAUTHENTICATION_REQUIRED');
    expect(errorCode(await actor.execute(RemovePasskey, { id: passkey.id }))).toBe(
      'REAUTHENTICATION_REQUIRED',
    );
    // Renaming changes nothing about security: no confirmation needed.
    await actor.run(RenamePasskey, { input: { id: passkey.id, name: 'Phone' } });

    // A passkey confirms it's you.
    const request = (await actor.run(StartPasskeyReauthentication)).startPasskeyReauthentication;
    expect(request.userVerification).toBe('required');
    expect(request.allowCredentials?.map((c) => c.id)).toEqual([
      authenticator.credentials[0].id.toString('base64url'),
    ]);
    const oldCookie = actor.cookies.get('atrium_session');
    await actor.run(Reauthenticate, { input: { passkey: authenticator.assert(request) } });
    expect(actor.cookies.get('atrium_session')).not.toBe(oldCookie);
    expect((await actor.run(RemovePasskey, { id: passkey.id })).removePasskey).toBe(true);
    expect((await actor.run(MyPasskeys)).myPasskeys).toEqual([]);
  });
});

describe('signing in with a passkey', () => {
  it('signs in with no password and no second step, as a multi-factor sign-in by passkey', async () => {
    const { email, authenticator, passkey } = await withPasskey('Passwordless');
    const { actor, result } = await passkeySignIn(authenticator);
    expect(result.errors).toBeUndefined();
    expect(result.data?.completePasskeySignIn.account.email).toBe(email);
    expect(result.data?.completePasskeySignIn.token).toBeNull();
    expect(actor.cookies.get('atrium_session')).toBeDefined();
    expect((await actor.run(Me)).me?.email).toBe(email);
    const [signIn] = await timeline(actor);
    expect(signIn).toMatchObject({ type: 'SIGN_IN', method: 'PASSKEY' });
    const [listed] = (await actor.run(MyPasskeys)).myPasskeys;
    expect(listed.id).toBe(passkey.id);
    expect(listed.lastUsedAt).not.toBeNull();
    const session = await atrium.dataSource
      .getRepository(SessionEntity)
      .findOneByOrFail({ id: result.data!.completePasskeySignIn.session.id });
    expect(session.mfaLevel).toBe('MFA');
  });

  it('asks for any passkey of the site with user verification, and gives a tool a token', async () => {
    const { authenticator } = await withPasskey('Tool Passkey');
    const anonymous = new Actor(atrium.url);
    const { attemptId, options } = (await anonymous.run(StartPasskeySignIn)).startPasskeySignIn;
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);
    const done = await anonymous.run(CompletePasskeySignIn, {
      input: { attemptId, response: authenticator.assert(options), issueToken: true },
    });
    const tool = new Actor(atrium.url).withToken(done.completePasskeySignIn.token!);
    expect((await tool.run(Me)).me?.id).toBe(done.completePasskeySignIn.account.id);
  });

  it('refuses a replayed challenge, an answer to another attempt, and an expired attempt', async () => {
    const { authenticator, accountId } = await withPasskey('Replayer');
    const first = await passkeySignIn(authenticator);
    expect(first.result.errors).toBeUndefined();
    const replayed = await new Actor(atrium.url).execute(CompletePasskeySignIn, {
      input: { attemptId: first.attemptId, response: first.response },
    });
    expect(reasonsOf(replayed)).toEqual({ attemptId: 'PASSKEY_CHALLENGE_EXPIRED' });

    // The same signed answer presented for a new attempt: its challenge is not this one's.
    const other = new Actor(atrium.url);
    const { attemptId } = (await other.run(StartPasskeySignIn)).startPasskeySignIn;
    const wrongChallenge = await other.execute(CompletePasskeySignIn, {
      input: { attemptId, response: first.response },
    });
    expect(errorCode(wrongChallenge)).toBe('UNAUTHENTICATED');
    expect(reasonOf(wrongChallenge)).toBe('PASSKEY_SIGN_IN_FAILED');

    const slow = new Actor(atrium.url);
    const late = (await slow.run(StartPasskeySignIn)).startPasskeySignIn;
    await atrium.dataSource
      .getRepository(WebAuthnChallengeEntity)
      .update({ challenge: late.options.challenge }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await slow.execute(CompletePasskeySignIn, {
      input: { attemptId: late.attemptId, response: authenticator.assert(late.options) },
    });
    expect(reasonsOf(expired)).toEqual({ attemptId: 'PASSKEY_CHALLENGE_EXPIRED' });
    const failures = await atrium.dataSource.query(
      `SELECT COUNT(*) AS n FROM security_events WHERE account_id = ? AND type = 'SIGN_IN_FAILED' AND method = 'PASSKEY'`,
      [accountId],
    );
    expect(Number((failures as Array<{ n: number | string }>)[0].n)).toBe(1);
  });

  it('refuses a counter that goes backwards (a cloned authenticator), and puts it on the timeline', async () => {
    const { actor, authenticator } = await withPasskey('Clone Target');
    expect((await passkeySignIn(authenticator)).result.errors).toBeUndefined();
    expect((await passkeySignIn(authenticator)).result.errors).toBeUndefined();
    const stored = await atrium.dataSource
      .getRepository(PasskeyEntity)
      .findOneByOrFail({ credentialId: authenticator.credentials[0].id.toString('base64url') });
    expect(stored.counter).toBe(2);
    const clone = await passkeySignIn(authenticator, (options) =>
      authenticator.assert(options, { counter: 1 }),
    );
    expect(reasonOf(clone.result)).toBe('PASSKEY_SIGN_IN_FAILED');
    const same = await passkeySignIn(authenticator, (options) =>
      authenticator.assert(options, { counter: 2 }),
    );
    expect(reasonOf(same.result)).toBe('PASSKEY_SIGN_IN_FAILED');
    const [failed] = await timeline(actor);
    expect(failed).toMatchObject({ type: 'SIGN_IN_FAILED', method: 'PASSKEY' });
    // The real authenticator goes on from its own count.
    expect((await passkeySignIn(authenticator)).result.errors).toBeUndefined();
  });

  it('accepts a synced passkey that keeps its counter at 0', async () => {
    const { authenticator } = await withPasskey(
      'Zero Counter',
      new SoftwareAuthenticator({ origin, synced: true, counts: false }),
    );
    expect((await passkeySignIn(authenticator)).result.errors).toBeUndefined();
    expect((await passkeySignIn(authenticator)).result.errors).toBeUndefined();
  });

  it.each([
    ['another origin', { origin: 'https://atrium.example.evil' }],
    ['no user verification', { userVerified: false }],
    ['a changed backup eligibility', { backupEligible: true }],
    ['another account’s user handle', { userHandle: Buffer.alloc(32, 7).toString('base64url') }],
  ])('refuses an assertion with %s', async (_what, overrides) => {
    const { authenticator } = await withPasskey('Picky Verifier');
    const { result } = await passkeySignIn(authenticator, (options) =>
      authenticator.assert(options, overrides),
    );
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(reasonOf(result)).toBe('PASSKEY_SIGN_IN_FAILED');
    // The honest assertion still works afterwards.
    expect((await passkeySignIn(authenticator)).result.errors).toBeUndefined();
  });

  it('refuses a passkey that was removed, and one nobody registered', async () => {
    const { actor, authenticator, passkey, email } = await withPasskey('Remover');
    await actor.run(RemovePasskey, { id: passkey.id });
    await inbox.waitFor(email, /A passkey was removed from your Atrium account/);
    expect(reasonOf((await passkeySignIn(authenticator)).result)).toBe('PASSKEY_SIGN_IN_FAILED');
    const stranger = new SoftwareAuthenticator({ origin });
    stranger.register({
      rp: { id: 'localhost', name: 'Atrium' },
      user: { id: 'AAAA', name: 'x', displayName: 'x' },
      challenge: 'AAAA',
      pubKeyCredParams: [],
    });
    expect(reasonOf((await passkeySignIn(stranger)).result)).toBe('PASSKEY_SIGN_IN_FAILED');
    const [removed] = await timeline(actor);
    expect(removed).toMatchObject({ type: 'PASSKEY_REMOVED', targetDevice: passkey.name });
  });

  it('confirms it’s you only with a passkey of this account, for this session’s challenge', async () => {
    const mine = await withPasskey('Sudo Passkey');
    const theirs = await withPasskey('Other Passkey');
    const request = (await mine.actor.run(StartPasskeyReauthentication))
      .startPasskeyReauthentication;
    const foreign = theirs.authenticator.assert({ ...request, allowCredentials: [] });
    const refused = await mine.actor.execute(Reauthenticate, { input: { passkey: foreign } });
    expect(reasonsOf(refused)).toEqual({ passkey: 'PASSKEY_NOT_ACCEPTED' });
    // Used up by the refused attempt.
    const reused = await mine.actor.execute(Reauthenticate, {
      input: { passkey: mine.authenticator.assert(request) },
    });
    expect(reasonsOf(reused)).toEqual({ passkey: 'PASSKEY_CHALLENGE_EXPIRED' });
    // Without a passkey there is nothing to ask for.
    const { actor } = await signedUpBrowser(atrium.url, 'No Passkey');
    expect(errorCode(await actor.execute(StartPasskeyReauthentication))).toBe('NOT_FOUND');
  });
});

describe('managing passkeys', () => {
  it('renames a passkey; another account’s is not found; bad input is named', async () => {
    const { actor, passkey } = await withPasskey('Renamer');
    const renamed = await actor.run(RenamePasskey, {
      input: { id: passkey.id, name: ' Work laptop ' },
    });
    expect(renamed.renamePasskey.name).toBe('Work laptop');
    const blank = await actor.execute(RenamePasskey, { input: { id: passkey.id, name: '   ' } });
    expect(reasonsOf(blank)).toEqual({ name: 'PASSKEY_NAME_REQUIRED' });
    const long = await actor.execute(RenamePasskey, {
      input: { id: passkey.id, name: 'x'.repeat(101) },
    });
    expect(reasonsOf(long)).toEqual({ name: 'TOO_LONG' });
    const stranger = await signedUpBrowser(atrium.url, 'Stranger');
    expect(
      errorCode(
        await stranger.actor.execute(RenamePasskey, { input: { id: passkey.id, name: 'Mine' } }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await stranger.actor.execute(RemovePasskey, { id: passkey.id }))).toBe(
      'NOT_FOUND',
    );
    expect((await actor.run(MyPasskeys)).myPasskeys.map((p) => p.name)).toEqual(['Work laptop']);
  });

  it('refuses a malformed answer naming its field', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Malformed');
    await actor.run(StartPasskeyRegistration);
    const junk = await actor.execute(FinishPasskeyRegistration, {
      input: { response: { id: 'not base64!', type: 'public-key' } },
    });
    expect(reasonsOf(junk)).toEqual({ response: 'PASSKEY_RESPONSE_INVALID' });
    const anonymous = new Actor(atrium.url);
    const { attemptId } = (await anonymous.run(StartPasskeySignIn)).startPasskeySignIn;
    const bad = await anonymous.execute(CompletePasskeySignIn, {
      input: { attemptId, response: { hello: 'world' } },
    });
    expect(reasonsOf(bad)).toEqual({ response: 'PASSKEY_RESPONSE_INVALID' });
    const unknownAttempt = await anonymous.execute(CompletePasskeySignIn, {
      input: { attemptId: 'x'.repeat(65), response: { hello: 'world' } },
    });
    expect(errorCode(unknownAttempt)).toBe('BAD_USER_INPUT');
  });

  it('is for signed-in people only', async () => {
    const anonymous = new Actor(atrium.url);
    for (const attempt of [
      anonymous.execute(MyPasskeys),
      anonymous.execute(StartPasskeyRegistration),
      anonymous.execute(FinishPasskeyRegistration, { input: { response: {} } }),
      anonymous.execute(RenamePasskey, {
        input: { id: '0190d1a2-0000-7000-8000-000000000000', name: 'x' },
      }),
      anonymous.execute(RemovePasskey, { id: '0190d1a2-0000-7000-8000-000000000000' }),
      anonymous.execute(StartPasskeyReauthentication),
      anonymous.execute(EnableSmsMfa),
      anonymous.execute(DisableMfaMethod, { method: 'SMS' }),
      anonymous.execute(SetDefaultMfaMethod, { method: 'SMS' }),
    ]) {
      expect(errorCode(await attempt)).toBe('UNAUTHENTICATED');
    }
  });
});

/** A person whose verified phone is `phone` (through the real SMS code flow). */
async function withPhone(name: string, phone: string) {
  const person = await signedUpBrowser(atrium.url, name);
  await person.actor.run(RequestPhoneChange, { input: { phone, password: STRONG_PASSWORD } });
  await person.actor.run(ConfirmPhoneChange, { code: sms.latestCode(phone) });
  return person;
}

async function withSmsMfa(name: string, phone: string) {
  const person = await withPhone(name, phone);
  const { codes } = (await person.actor.run(EnableSmsMfa)).enableSmsMfa;
  return { ...person, phone, backupCodes: codes };
}

async function smsChallenge(email: string) {
  const actor = new Actor(atrium.url);
  const { logIn } = await actor.run(LogInChallenge, {
    input: { email, password: STRONG_PASSWORD },
  });
  if (logIn.__typename !== 'MfaChallenge') throw new Error('expected a challenge');
  return { actor, ...logIn };
}

describe('text-message codes as a second factor', () => {
  it('turns on for a verified phone only, in sudo mode, with backup codes and a notice', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'No Phone');
    expect(reasonOf(await actor.execute(EnableSmsMfa))).toBe('SMS_MFA_NEEDS_PHONE');

    const person = await withPhone('Texter', PHONES.FR);
    await ageReauthentication(person.actor);
    expect(errorCode(await person.actor.execute(EnableSmsMfa))).toBe('REAUTHENTICATION_REQUIRED');
    await person.actor.run(Reauthenticate, { input: { password: STRONG_PASSWORD } });
    const { codes } = (await person.actor.run(EnableSmsMfa)).enableSmsMfa;
    expect(codes).toHaveLength(10);
    expect((await person.actor.run(MyMfa)).me).toEqual({
      mfaEnabled: true,
      mfaMethods: ['SMS'],
      defaultMfaMethod: 'SMS',
      remainingBackupCodes: 10,
    });
    expect(reasonOf(await person.actor.execute(EnableSmsMfa))).toBe('SMS_MFA_ALREADY_ON');
    await inbox.waitFor(person.email, /Two-factor authentication is on/);
    const [enabled] = await timeline(person.actor);
    expect(enabled).toMatchObject({ type: 'MFA_ENABLED', method: 'SMS' });
    // The number the codes go to cannot simply be removed.
    expect(reasonOf(await person.actor.execute(RemovePhone))).toBe('PHONE_USED_FOR_MFA');
  });

  it('signs in with a texted code: the challenge names the methods, the code is sent on request', async () => {
    const { email } = await withSmsMfa('Code Reader', PHONES.DE);
    const challenge = await smsChallenge(email);
    expect(challenge).toMatchObject({
      methods: ['SMS'],
      defaultMethod: 'SMS',
      phoneHint: '+49 ••••••••789',
    });
    const before = sms.messages.length;
    const sent = (await challenge.actor.run(SendMfaSmsCode, { challengeId: challenge.challengeId }))
      .sendMfaSmsCode;
    expect(sent.phoneHint).toBe('+49 ••••••••789');
    expect(new Date(sent.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60 * 1000);
    expect(sms.messages.length).toBe(before + 1);
    const done = await challenge.actor.run(CompleteMfaChallenge, {
      input: { challengeId: challenge.challengeId, code: sms.latestCode(PHONES.DE) },
    });
    expect(done.completeMfaChallenge.account.email).toBe(email);
    const [signIn] = await timeline(challenge.actor);
    expect(signIn).toMatchObject({ type: 'SIGN_IN', method: 'SMS' });
  });

  it('allows 5 tries per challenge, and a code lives 10 minutes', async () => {
    const { email, accountId } = await withSmsMfa('Fumbling Texter', PHONES.IT);
    const challenge = await smsChallenge(email);
    await challenge.actor.run(SendMfaSmsCode, { challengeId: challenge.challengeId });
    const right = sms.latestCode(PHONES.IT);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1) {
      const result = await challenge.actor.execute(CompleteMfaChallenge, {
        input: { challengeId: challenge.challengeId, code: wrong },
      });
      expect(reasonsOf(result)).toEqual({ code: 'CODE_INCORRECT' });
    }
    const sixth = await challenge.actor.execute(CompleteMfaChallenge, {
      input: { challengeId: challenge.challengeId, code: right },
    });
    expect(reasonsOf(sixth)).toEqual({ code: 'MFA_CHALLENGE_LOCKED' });

    const slow = await smsChallenge(email);
    await slow.actor.run(SendMfaSmsCode, { challengeId: slow.challengeId });
    const code = sms.latestCode(PHONES.IT);
    const row = await atrium.dataSource
      .getRepository(MfaChallengeEntity)
      .findOneOrFail({ where: { accountId }, order: { createdAt: 'DESC' } });
    await atrium.dataSource
      .getRepository(MfaChallengeEntity)
      .update({ id: row.id }, { smsCodeExpiresAt: new Date(Date.now() - 1000) });
    const expired = await slow.actor.execute(CompleteMfaChallenge, {
      input: { challengeId: slow.challengeId, code },
    });
    expect(reasonsOf(expired)).toEqual({ code: 'SMS_CODE_EXPIRED' });
  });

  it('sends at most 3 texts per challenge and 5 an hour per account', async () => {
    const { email } = await withSmsMfa('Impatient', PHONES.PT);
    const first = await smsChallenge(email);
    for (let i = 0; i < 3; i += 1) {
      await first.actor.run(SendMfaSmsCode, { challengeId: first.challengeId });
    }
    const fourth = await first.actor.execute(SendMfaSmsCode, { challengeId: first.challengeId });
    expect(reasonOf(fourth)).toBe('SMS_SENDS_EXHAUSTED');
    const second = await smsChallenge(email);
    await second.actor.run(SendMfaSmsCode, { challengeId: second.challengeId });
    await second.actor.run(SendMfaSmsCode, { challengeId: second.challengeId });
    const third = await smsChallenge(email);
    const overAccount = await third.actor.execute(SendMfaSmsCode, {
      challengeId: third.challengeId,
    });
    expect(errorCode(overAccount)).toBe('RATE_LIMITED');
    expect(overAccount.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // 1 code for the phone change, 5 for sign-ins.
    expect(sms.messages.filter((m) => m.to === PHONES.PT)).toHaveLength(6);
  });

  it('stops texting a destination country past its hourly limit, whoever asks', async () => {
    // COUNTRY_LIMIT (6) codes to Iceland in all: 2 phone changes, then sign-in codes.
    const one = await withSmsMfa('Pumped One', PHONES.IS);
    const two = await withSmsMfa('Pumped Two', PHONES.IS);
    const a = await smsChallenge(one.email);
    const b = await smsChallenge(two.email);
    await a.actor.run(SendMfaSmsCode, { challengeId: a.challengeId });
    await a.actor.run(SendMfaSmsCode, { challengeId: a.challengeId });
    await b.actor.run(SendMfaSmsCode, { challengeId: b.challengeId });
    await b.actor.run(SendMfaSmsCode, { challengeId: b.challengeId });
    const over = await b.actor.execute(SendMfaSmsCode, { challengeId: b.challengeId });
    expect(errorCode(over)).toBe('RATE_LIMITED');
    expect(sms.messages.filter((m) => m.to === PHONES.IS)).toHaveLength(COUNTRY_LIMIT);
    // Other countries are not held up.
    const other = await withSmsMfa('Unaffected', PHONES.SE);
    const c = await smsChallenge(other.email);
    await c.actor.run(SendMfaSmsCode, { challengeId: c.challengeId });
  });

  it('sits beside an app: either completes the challenge, the default is chosen, backup codes serve both', async () => {
    const person = await withSmsMfa('Two Methods', PHONES.NL);
    const { secret } = (await person.actor.run(StartTotpEnrollment)).startTotpEnrollment;
    const added = await person.actor.run(ConfirmTotpEnrollment, {
      code: authenticatorCode(secret),
    });
    // MFA was on already: the saved backup codes stay, none are shown.
    expect(added.confirmTotpEnrollment.codes).toEqual([]);
    await inbox.waitFor(person.email, /A sign-in method was added/);
    expect((await person.actor.run(MyMfa)).me).toMatchObject({
      mfaMethods: ['TOTP', 'SMS'],
      defaultMfaMethod: 'TOTP',
      remainingBackupCodes: 10,
    });
    const chosen = await person.actor.run(SetDefaultMfaMethod, { method: 'SMS' });
    expect(chosen.setDefaultMfaMethod.defaultMfaMethod).toBe('SMS');
    expect(
      reasonsOf(await person.actor.execute(SetDefaultMfaMethod, { method: 'PASSKEY' })),
    ).toEqual({
      method: 'MFA_METHOD_NOT_SET_UP',
    });

    const byApp = await smsChallenge(person.email);
    expect(byApp).toMatchObject({ methods: ['TOTP', 'SMS'], defaultMethod: 'SMS' });
    await byApp.actor.run(CompleteMfaChallenge, {
      input: {
        challengeId: byApp.challengeId,
        code: authenticatorCode(secret, Date.now() + 30_000),
      },
    });
    const byBackup = await smsChallenge(person.email);
    await byBackup.actor.run(CompleteMfaChallenge, {
      input: { challengeId: byBackup.challengeId, code: person.backupCodes[0] },
    });
    const events = await timeline(person.actor);
    expect(events.slice(0, 2)).toMatchObject([
      { type: 'SIGN_IN', method: 'BACKUP_CODE' },
      { type: 'SIGN_IN', method: 'TOTP' },
    ]);

    const withoutSms = await person.actor.run(DisableMfaMethod, { method: 'SMS' });
    expect(withoutSms.disableMfaMethod).toMatchObject({
      mfaEnabled: true,
      mfaMethods: ['TOTP'],
      defaultMfaMethod: 'TOTP',
    });
    await inbox.waitFor(person.email, /A sign-in method was removed/);
    expect(reasonsOf(await person.actor.execute(DisableMfaMethod, { method: 'PASSKEY' }))).toEqual({
      method: 'MFA_METHOD_NOT_REMOVABLE',
    });
    expect(reasonOf(await person.actor.execute(DisableMfaMethod, { method: 'SMS' }))).toBe(
      'MFA_METHOD_OFF',
    );
    const off = await person.actor.run(DisableMfaMethod, { method: 'TOTP' });
    expect(off.disableMfaMethod).toMatchObject({
      mfaEnabled: false,
      mfaMethods: [],
      defaultMfaMethod: null,
      remainingBackupCodes: 0,
    });
    await inbox.waitFor(person.email, /Two-factor authentication was turned off/);
    expect((await smsChallenge(person.email).catch((e: Error) => e)) instanceof Error).toBe(true);
  });

  it('offers a passkey at the challenge when the account has one, and refuses codes it cannot send', async () => {
    const person = await withSmsMfa('Passkey Too', PHONES.IE);
    const options = (await person.actor.run(StartPasskeyRegistration)).startPasskeyRegistration;
    await person.actor.run(FinishPasskeyRegistration, {
      input: { response: new SoftwareAuthenticator({ origin }).register(options) },
    });
    const challenge = await smsChallenge(person.email);
    expect(challenge.methods).toEqual(['PASSKEY', 'SMS']);

    const totpOnly = await signedUpBrowser(atrium.url, 'App Only');
    const { secret } = (await totpOnly.actor.run(StartTotpEnrollment)).startTotpEnrollment;
    await totpOnly.actor.run(ConfirmTotpEnrollment, { code: authenticatorCode(secret) });
    const appChallenge = await smsChallenge(totpOnly.email);
    expect(appChallenge).toMatchObject({
      methods: ['TOTP'],
      defaultMethod: 'TOTP',
      phoneHint: null,
    });
    const noSms = await appChallenge.actor.execute(SendMfaSmsCode, {
      challengeId: appChallenge.challengeId,
    });
    expect(reasonOf(noSms)).toBe('SMS_MFA_OFF');
    const unknown = await new Actor(atrium.url).execute(SendMfaSmsCode, { challengeId: 'nope' });
    expect(reasonsOf(unknown)).toEqual({ challengeId: 'MFA_CHALLENGE_EXPIRED' });
  });
});
