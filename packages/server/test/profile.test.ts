import type { AtriumServer } from '../src/app';
import { signedUpBrowser, signedUpTool } from './support/actors';
import { Me, UpdateProfile, type UpdateProfileVariables } from './support/documents';
import { Actor, errorCode } from './support/graphql';
import { startTestServer } from './support/server';

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

describe('updateProfile', () => {
  it('saves every profile field, normalising username and country', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Profile Owner');
    const username = `Owner.${Date.now().toString(36)}`;
    const data = await actor.run(UpdateProfile, {
      input: {
        fullName: 'Profile Renamed',
        username,
        timezone: 'Europe/Madrid',
        locale: 'es',
        country: 'es',
      },
    });
    expect(data.updateProfile).toMatchObject({
      fullName: 'Profile Renamed',
      username: username.toLowerCase(),
      timezone: 'Europe/Madrid',
      locale: 'es',
      country: 'ES',
    });
    const me = await actor.run(Me);
    expect(me.me).toMatchObject(data.updateProfile);
  });

  it('leaves absent fields alone and clears username and country with null', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Partial Update');
    await actor.run(UpdateProfile, {
      input: { username: `partial${Date.now().toString(36)}`, country: 'MX' },
    });
    const data = await actor.run(UpdateProfile, { input: { username: null, country: null } });
    expect(data.updateProfile).toMatchObject({
      fullName: 'Partial Update',
      username: null,
      country: null,
      timezone: 'UTC',
    });
  });

  const badInputs: Array<[string, UpdateProfileVariables['input'], string]> = [
    ['a time zone that is not IANA', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['an offset instead of a zone', { timezone: '+02:00' }, 'timezone'],
    ['an unsupported locale', { locale: 'fr' }, 'locale'],
    ['a country that is not ISO 3166', { country: 'XX' }, 'country'],
    ['a username that is too short', { username: 'ab' }, 'username'],
    ['a username with spaces', { username: 'has space' }, 'username'],
    ['a username ending in a dot', { username: 'ends.' }, 'username'],
    ['a name that is blank', { fullName: '   ' }, 'fullName'],
    ['a name that is too long', { fullName: 'x'.repeat(101) }, 'fullName'],
    ['a null name', { fullName: null }, 'fullName'],
    ['a null time zone', { timezone: null }, 'timezone'],
    ['a null locale', { locale: null }, 'locale'],
  ];

  it.each(badInputs)(
    'refuses %s with BAD_USER_INPUT naming the field and writes nothing',
    async (_case, input, field) => {
      const { actor } = await signedUpBrowser(atrium.url, 'Careful Person');
      const before = (await actor.run(Me)).me;
      // A valid change rides along: a rejected update must not apply it either.
      const result = await actor.execute(UpdateProfile, { input: { locale: 'es', ...input } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields).toHaveProperty(field);
      expect(result.errors?.[0].message).toContain(field);
      expect((await actor.run(Me)).me).toEqual(before);
    },
  );

  it('keeps usernames unique regardless of case', async () => {
    const first = await signedUpBrowser(atrium.url, 'First Holder');
    const second = await signedUpBrowser(atrium.url, 'Second Holder');
    const name = `taken${Date.now().toString(36)}`;
    await first.actor.run(UpdateProfile, { input: { username: name } });
    const result = await second.actor.execute(UpdateProfile, {
      input: { username: name.toUpperCase(), fullName: 'Changed' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual({ username: 'This username is taken' });
    expect((await second.actor.run(Me)).me?.fullName).toBe('Second Holder');
    // Saving your own username again is not a conflict.
    await first.actor.run(UpdateProfile, { input: { username: name } });
  });

  it('works for a tool with a bearer token', async () => {
    const { actor } = await signedUpTool(atrium.url);
    const data = await actor.run(UpdateProfile, { input: { timezone: 'America/New_York' } });
    expect(data.updateProfile.timezone).toBe('America/New_York');
  });

  it('is refused for an anonymous caller', async () => {
    const result = await new Actor(atrium.url).execute(UpdateProfile, {
      input: { fullName: 'Nobody' },
    });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });
});
