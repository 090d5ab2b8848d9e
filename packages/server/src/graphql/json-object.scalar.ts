import { GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

/**
 * A JSON object a client sent, wrapped: it is data to pass on (an event's `data`), not a line of
 * text, so the input layer, which leaves non-plain objects alone, does not hold its strings to
 * the one-line rules of names and addresses.
 */
export class JsonObjectInput {
  constructor(readonly value: Record<string, unknown>) {}
}

export const JSONObjectScalar = new GraphQLScalarType<JsonObjectInput, Record<string, unknown>>({
  name: 'JSONObject',
  description: 'A JSON object, such as {"callId": "call_7Hq2x", "durationSeconds": 184}',
  serialize: (value) => GraphQLJSONObject.serialize(value) as Record<string, unknown>,
  parseValue: (value) =>
    new JsonObjectInput(GraphQLJSONObject.parseValue(value) as Record<string, unknown>),
  parseLiteral: (ast: ValueNode, variables) =>
    new JsonObjectInput(GraphQLJSONObject.parseLiteral(ast, variables) as Record<string, unknown>),
});
