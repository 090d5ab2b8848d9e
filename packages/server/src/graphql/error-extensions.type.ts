import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import { REASONS, type Reason } from './reasons';

const ErrorCodeEnum = Object.fromEntries(ERROR_CODES.map((code) => [code, code])) as {
  [C in ErrorCode]: C;
};

registerEnumType(ErrorCodeEnum, {
  name: 'ErrorCode',
  description:
    "Every `extensions.code` an error can have: the API's own, GraphQL's own, and one for the unexpected",
});

const ErrorReasonEnum = Object.fromEntries(
  Object.keys(REASONS).map((reason) => [reason, reason]),
) as { [R in Reason]: R };

registerEnumType(ErrorReasonEnum, {
  name: 'ErrorReason',
  description:
    'Why an operation failed, for clients to say in their own language; each value is described by its English message, whose `{name}`s come from the params',
  valuesConfig: Object.fromEntries(
    Object.entries(REASONS).map(([reason, { message }]) => [reason, { description: message }]),
  ),
});

/**
 * The shape of an error's `extensions`, for clients and their code generators. No field
 * returns it: it is in the schema (buildSchema's orphanedTypes) so that its enums are.
 */
@ObjectType('ErrorExtensions', {
  description:
    "What a GraphQL error's `extensions` carry. BAD_USER_INPUT (and a CONFLICT about a field) also has `fields` (field → English message), `reasons` (field → ErrorReason) and, for reasons whose message has `{name}`s, `fieldParams` (field → params)",
})
export class ErrorExtensions {
  @Field(() => ErrorCodeEnum)
  code: ErrorCode;

  @Field(() => ErrorReasonEnum, {
    nullable: true,
    description:
      'Why, for the whole error; its values for the message are in `params` (an object), and some codes repeat them for tools (`retryAfterSeconds`, `limit`)',
  })
  reason: Reason | null;
}
