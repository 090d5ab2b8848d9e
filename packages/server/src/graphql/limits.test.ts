import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { operationLimitsRule } from './limits';

const schema = buildSchema(`
  type Node { id: ID! child: Node children(first: Int): [Node!]! }
  type Query { node: Node }
`);
const rule = operationLimitsRule({ maxDepth: 5, maxAliases: 3, maxCost: 100, maxTokens: 1000 });
const check = (source: string) =>
  validate(schema, parse(source), [...specifiedRules, rule]).map((e) => e.message);

function nested(depth: number): string {
  return `${'node { '.repeat(1)}${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 1)}`;
}

describe('operationLimitsRule', () => {
  it('allows an operation within every limit', () => {
    expect(check(`{ ${nested(5)} }`)).toEqual([]);
  });

  it('counts depth through fragments and refuses one level too deep', () => {
    expect(check(`{ ${nested(6)} }`)).toEqual([
      'anonymous operation is nested 6 deep; the limit is 5',
    ]);
    const viaFragment = `query Deep { node { ...A } } fragment A on Node { child { child { child { child { id } } } } }`;
    expect(check(viaFragment)).toEqual(['Deep is nested 6 deep; the limit is 5']);
  });

  it('counts aliases, including those inside fragments', () => {
    expect(
      check(
        '{ a: node { id } b: node { id } ...F } fragment F on Query { c: node { id } d: node { id } }',
      ),
    ).toEqual(['anonymous operation uses 4 aliases; the limit is 3']);
  });

  it('multiplies the cost of what is under a list by its `first`', () => {
    expect(check('{ node { children(first: 10) { id child { id } } } }')).toEqual([]);
    expect(check('{ node { children(first: 60) { id child { id } } } }')).toEqual([
      'anonymous operation costs 182; the limit is 100',
    ]);
  });

  it('does not loop on fragment cycles (graphql reports them itself)', () => {
    const messages = check('{ node { ...A } } fragment A on Node { child { ...A } }');
    expect(messages).toContainEqual(
      expect.stringMatching(/Cannot spread fragment "A" within itself/),
    );
  });
});
