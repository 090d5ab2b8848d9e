import type { AtriumServer } from '../src/app';
import { newId } from '../src/db/columns';
import { RevokeSession, SignUp, UpdateProfile } from './support/documents';
import { Actor, type GraphQLResult } from './support/graphql';
import { ChangeMemberRole, OrganizationById } from './support/organization-documents';
import { seedOrganization } from './support/organizations';
import { startTestServer, uniqueEmail } from './support/server';

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

const extensionsOf = (result: GraphQLResult<unknown>) => result.errors?.[0].extensions;

describe('reasons in error extensions, for clients to translate', () => {
  it("names each refused field's reason beside its English message", async () => {
    const result = await new Actor(atrium.url).execute(SignUp, {
      input: { email: uniqueEmail('common'), password: 'Password123!', fullName: 'Common' },
    });
    expect(extensionsOf(result)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: 'This password is too common; choose another' },
    });
    expect(extensionsOf(result)?.reasons).toEqual({ password: 'PASSWORD_TOO_COMMON' });
  });

  it("gives validators' and the input layer's refusals reasons, with the params they need", async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const { actor } = org.people.owner;
    const tooLong = await actor.execute(UpdateProfile, { input: { fullName: 'x'.repeat(101) } });
    expect(extensionsOf(tooLong)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { fullName: 'Use at most 100 characters' },
      reasons: { fullName: 'TOO_LONG' },
      fieldParams: { fullName: { max: 100 } },
    });
    const control = await actor.execute(UpdateProfile, { input: { fullName: 'Ada\nL' } });
    expect(extensionsOf(control)).toMatchObject({ reasons: { fullName: 'CONTROL_CHARACTERS' } });
  });

  it('says why for FORBIDDEN and NOT_FOUND, with the params of the message', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .build();
    const { owner, admin } = org.people;
    const refused = await admin.actor.execute(ChangeMemberRole, {
      input: { memberId: owner.memberId, role: 'VIEWER' },
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'As ADMIN you cannot change the role of a OWNER',
      extensions: {
        code: 'FORBIDDEN',
        reason: 'ROLE_CANNOT_CHANGE_ROLE',
        params: { role: 'ADMIN', targetRole: 'OWNER' },
      },
    });

    const elsewhere = await owner.actor.execute(OrganizationById, { id: newId() });
    expect(extensionsOf(elsewhere)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ORGANIZATION_NOT_FOUND',
    });
    const noSession = await owner.actor.execute(RevokeSession, { id: newId() });
    expect(noSession.errors?.[0]).toMatchObject({
      message: 'No such session',
      extensions: { code: 'NOT_FOUND', reason: 'SESSION_NOT_FOUND' },
    });
  });

  it('says a signed-out caller must sign in, whoever refuses them', async () => {
    const anonymous = new Actor(atrium.url);
    const result = await anonymous.execute(RevokeSession, { id: newId() });
    expect(extensionsOf(result)).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
  });
});
