import { RESOLVERS } from '../modules';
import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { GraphQLEnumType } from 'graphql';
import { APP_ERROR_CODES } from './error-codes';
import { badUserInput, fail } from './errors';
import { isReason, messageOf, REASONS, type Reason } from './reasons';
import { buildAtriumSchema } from './schema';

const everyReason = Object.keys(REASONS) as Reason[];

describe('the reason registry', () => {
  it.each(everyReason)('maps %s to an API error code and an English message', (reason) => {
    const { code, message } = REASONS[reason];
    expect(APP_ERROR_CODES).toContain(code);
    expect(message.trim()).not.toBe('');
    // Every `{name}` is a plain word, so a client can fill its translation from params.
    expect(message).not.toMatch(/\{(?!\w+\})/);
  });

  it('fails with the code, the English message and the reason, for any reason', () => {
    for (const reason of everyReason) {
      const params = Object.fromEntries(
        [...REASONS[reason].message.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 7]),
      );
      // Reasons taking params are called with them, as the compiler demands at real call sites.
      const error = (fail as (r: Reason, detail?: object) => Error & { extensions: object })(
        reason,
        { params },
      );
      expect(error.message).toBe(messageOf(reason, params));
      expect(error.message).not.toMatch(/\{\w+\}/);
      expect(error.extensions).toMatchObject({ code: REASONS[reason].code, reason });
    }
  });

  it('keeps English messages in `fields` and adds `reasons` and the params they need', () => {
    const error = badUserInput({
      newPassword: 'PASSWORD_TOO_COMMON',
      fullName: { reason: 'TOO_LONG', params: { max: 100 } },
    });
    expect(error.message).toBe('Invalid input: newPassword, fullName');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: {
        newPassword: 'This password is too common; choose another',
        fullName: 'Use at most 100 characters',
      },
      reasons: { newPassword: 'PASSWORD_TOO_COMMON', fullName: 'TOO_LONG' },
      fieldParams: { fullName: { max: 100 } },
    });
  });

  it('knows its reasons and nothing else', () => {
    expect(isReason('SESSION_NOT_FOUND')).toBe(true);
    expect(isReason('toString')).toBe(false);
    expect(isReason('No such session')).toBe(false);
  });

  it('lists every reason, and every code, in the schema for clients', async () => {
    const schema = await buildAtriumSchema(createPubSub(), RESOLVERS);
    const values = (name: string) =>
      (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.name);
    expect(values('ErrorReason').sort()).toEqual([...everyReason].sort());
    expect(values('ErrorCode')).toEqual(expect.arrayContaining([...APP_ERROR_CODES]));
  });
});
