import type { AtriumServer } from '../src/app';
import { TeamMemberEntity } from '../src/modules/organization/team-member.entity';
import { SessionEntity } from '../src/modules/session/session.entity';
import { hashToken } from '../src/lib/tokens';
import { STRONG_PASSWORD } from './support/actors';
import { Reauthenticate } from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import {
  ChangeMemberRole,
  InviteTeamMember,
  LeaveOrganization,
  MyOrganizations,
  OrganizationById,
  RemoveTeamMember,
  TransferOwnership,
  UpdateOrganization,
} from './support/organization-documents';
import { seedOrganization } from './support/organizations';
import { startTestCluster, uniqueEmail } from './support/server';

let cluster: AtriumServer[];
let atrium: AtriumServer;

beforeAll(async () => {
  cluster = await startTestCluster(2);
  atrium = cluster[0];
});

afterAll(async () => {
  await Promise.all(cluster.map((instance) => instance.close()));
});

function expectError(result: GraphQLResult<unknown>, code: string, message?: RegExp): void {
  expect(errorCode(result)).toBe(code);
  if (message) expect(result.errors?.[0].message).toMatch(message);
}

const rolesOf = async (organizationId: string) =>
  (
    await atrium.dataSource
      .getRepository(TeamMemberEntity)
      .find({ where: { organizationId }, relations: { account: true } })
  )
    .map((member) => member.role)
    .sort();

describe('the last owner', () => {
  it('cannot leave, be demoted or be removed; ownership moves only by transfer', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .build();
    const { owner, admin } = org.people;
    expectError(
      await owner.actor.execute(LeaveOrganization, { organizationId: org.id }),
      'FORBIDDEN',
      /transfer ownership first/,
    );
    expectError(
      await owner.actor.execute(ChangeMemberRole, {
        input: { memberId: owner.memberId, role: 'ADMIN' },
      }),
      'CONFLICT',
      /cannot be demoted/,
    );
    expectError(
      await admin.actor.execute(ChangeMemberRole, {
        input: { memberId: owner.memberId, role: 'VIEWER' },
      }),
      'FORBIDDEN',
    );
    expectError(
      await admin.actor.execute(RemoveTeamMember, { memberId: owner.memberId }),
      'FORBIDDEN',
    );
    expectError(
      await owner.actor.execute(RemoveTeamMember, { memberId: owner.memberId }),
      'CONFLICT',
      /cannot be removed/,
    );
    expectError(
      await owner.actor.execute(ChangeMemberRole, {
        input: { memberId: admin.memberId, role: 'OWNER' },
      }),
      'BAD_USER_INPUT',
    );
    expect(await rolesOf(org.id)).toEqual(['ADMIN', 'OWNER']);
  });

  it('transfers ownership: the new owner is the only OWNER, the old one stays as ADMIN and may leave', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('heir', 'VIEWER')
      .build();
    const { owner, heir } = org.people;
    expectError(
      await owner.actor.execute(TransferOwnership, { memberId: owner.memberId }),
      'BAD_USER_INPUT',
    );
    const transferred = await owner.actor.run(TransferOwnership, { memberId: heir.memberId });
    expect(transferred.transferOwnership).toMatchObject({ id: heir.memberId, role: 'OWNER' });
    expect(await rolesOf(org.id)).toEqual(['ADMIN', 'OWNER']);

    const seenByHeir = await heir.actor.run(OrganizationById, { id: org.id });
    expect(seenByHeir.organization?.myRole).toBe('OWNER');
    expectError(
      await owner.actor.execute(TransferOwnership, { memberId: heir.memberId }),
      'FORBIDDEN',
    );
    expectError(
      await heir.actor.execute(LeaveOrganization, { organizationId: org.id }),
      'FORBIDDEN',
    );
    expect(
      (await owner.actor.run(LeaveOrganization, { organizationId: org.id })).leaveOrganization,
    ).toBe(true);
    expect(await rolesOf(org.id)).toEqual(['OWNER']);
    expectError(await owner.actor.execute(OrganizationById, { id: org.id }), 'NOT_FOUND');
  });
});

describe('roles', () => {
  it('nobody grants a role above their own, and MANAGER manages only below ADMIN', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .member('manager', 'MANAGER')
      .member('member', 'MEMBER')
      .build();
    const { admin, manager, member } = org.people;
    const change = (
      actor: typeof admin,
      target: typeof admin,
      role: 'ADMIN' | 'MANAGER' | 'MEMBER' | 'VIEWER',
    ) => actor.actor.execute(ChangeMemberRole, { input: { memberId: target.memberId, role } });

    expectError(await change(manager, member, 'ADMIN'), 'FORBIDDEN');
    expectError(await change(manager, admin, 'VIEWER'), 'FORBIDDEN');
    expectError(
      await manager.actor.execute(RemoveTeamMember, { memberId: admin.memberId }),
      'FORBIDDEN',
    );
    expect(
      (
        await manager.actor.run(ChangeMemberRole, {
          input: { memberId: member.memberId, role: 'MANAGER' },
        })
      ).changeMemberRole.role,
    ).toBe('MANAGER');
    expect(
      (
        await admin.actor.run(ChangeMemberRole, {
          input: { memberId: member.memberId, role: 'ADMIN' },
        })
      ).changeMemberRole.role,
    ).toBe('ADMIN');
    expect(await rolesOf(org.id)).toEqual(['ADMIN', 'ADMIN', 'MANAGER', 'OWNER']);
  });

  it('a changed role counts on the next request, on another instance', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .build();
    const { owner, admin } = org.people;
    const onOther = new Actor(cluster[1].url).withToken(admin.actor.token as string);
    const rename = () =>
      onOther.execute(UpdateOrganization, { id: org.id, input: { name: 'By the admin' } });
    expect((await rename()).errors).toBeUndefined();

    await owner.actor.run(ChangeMemberRole, {
      input: { memberId: admin.memberId, role: 'VIEWER' },
    });
    expectError(await rename(), 'FORBIDDEN');

    await owner.actor.run(RemoveTeamMember, { memberId: admin.memberId });
    expectError(await onOther.execute(OrganizationById, { id: org.id }), 'NOT_FOUND');
  });
});

describe('removing and leaving', () => {
  it('a removed member whose only organization it was gets one of their own', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('member', 'MEMBER')
      .build();
    const { owner, member } = org.people;
    await atrium.dataSource
      .getRepository(TeamMemberEntity)
      .delete({ accountId: member.accountId, organizationId: member.ownOrganizationId });
    await owner.actor.run(RemoveTeamMember, { memberId: member.memberId });
    const mine = await member.actor.run(MyOrganizations);
    expect(mine.myOrganizations).toHaveLength(1);
    expect(mine.myOrganizations[0]).toMatchObject({ myRole: 'OWNER', plan: 'PROFESSIONAL' });
    expect(mine.myOrganizations[0].id).not.toBe(org.id);
  });

  it('nobody leaves their only organization', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('member', 'MEMBER')
      .build();
    const { member } = org.people;
    await atrium.dataSource
      .getRepository(TeamMemberEntity)
      .delete({ accountId: member.accountId, organizationId: member.ownOrganizationId });
    expectError(
      await member.actor.execute(LeaveOrganization, { organizationId: org.id }),
      'CONFLICT',
      /only organization/,
    );
    expect(await rolesOf(org.id)).toEqual(['MEMBER', 'OWNER']);
  });

  it('lists every organization of mine with my role in each', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('viewer', 'VIEWER')
      .build();
    const mine = await org.people.viewer.actor.run(MyOrganizations);
    // Both memberships may be created within one millisecond: compare without order.
    const roles = mine.myOrganizations.map((o) => [o.id, o.myRole]);
    expect(roles).toHaveLength(2);
    expect(roles).toEqual(
      expect.arrayContaining([
        [org.people.viewer.ownOrganizationId, 'OWNER'],
        [org.id, 'VIEWER'],
      ]),
    );
  });
});

describe('concurrent team changes', () => {
  it('parallel invitations for the last free seat: exactly one gets it', async () => {
    const org = await seedOrganization(atrium)
      .onPlan('PROFESSIONAL')
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .build();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        org.people[i % 2 ? 'owner' : 'admin'].actor.execute(InviteTeamMember, {
          input: { organizationId: org.id, email: uniqueEmail('seat'), role: 'VIEWER' },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'PLAN_LIMIT_REACHED')).toHaveLength(7);
  });
});

describe('sudo mode for team changes', () => {
  /** Moves the actor's last re-authentication out of the 10-minute window. */
  async function ageReauthentication(actor: Actor): Promise<void> {
    await atrium.dataSource
      .getRepository(SessionEntity)
      .update(
        { tokenHash: hashToken(actor.token as string) },
        { reauthenticatedAt: new Date(Date.now() - 11 * 60 * 1000) },
      );
  }

  it('removing a member and transferring ownership need a recent re-authentication; outsiders still learn nothing', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .member('viewer', 'VIEWER')
      .build();
    const outsider = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const { owner, admin, viewer } = org.people;
    await ageReauthentication(owner.actor);
    await ageReauthentication(outsider.people.owner.actor);

    expectError(
      await owner.actor.execute(RemoveTeamMember, { memberId: viewer.memberId }),
      'REAUTHENTICATION_REQUIRED',
    );
    expectError(
      await owner.actor.execute(TransferOwnership, { memberId: admin.memberId }),
      'REAUTHENTICATION_REQUIRED',
    );
    expectError(
      await outsider.people.owner.actor.execute(RemoveTeamMember, { memberId: viewer.memberId }),
      'NOT_FOUND',
    );
    expect(await rolesOf(org.id)).toEqual(['ADMIN', 'OWNER', 'VIEWER']);

    await owner.actor.run(Reauthenticate, { input: { password: STRONG_PASSWORD } });
    expect(
      (await owner.actor.run(RemoveTeamMember, { memberId: viewer.memberId })).removeTeamMember,
    ).toBe(true);
    await owner.actor.run(TransferOwnership, { memberId: admin.memberId });
    expect(await rolesOf(org.id)).toEqual(['ADMIN', 'OWNER']);
  });
});
