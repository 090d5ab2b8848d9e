import { buildSchema, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { OperationMeter, operationCostError, operationLimitsRule } from './limits';

const schema = buildSchema(`
  type Node { id: ID! child: Node children(first: Int): [Node!]! }
  type Query { node: Node nodes(first: Int = 50): [Node!]! }
`);
const limits = { maxDepth: 5, maxAliases: 3, maxCost: 100, maxTokens: 1000, defaultListSize: 20 };
const rule = operationLimitsRule(limits);
const check = (source: string) =>
  validate(schema, parse(source), [...specifiedRules, rule]).map((e) => e.message);

function costOf(source: string, variables: Record<string, unknown> = {}): string | null {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return operationCostError(schema, document, operation, variables, limits)?.message ?? null;
}

function nested(depth: number): string {
  return `${'node { '.repeat(1)}${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 1)}`;
}

/** `fragment F0 { ...F1 ...F1 }`, `F1 { ...F2 ...F2 }`, …: 2^levels fields once expanded. */
function doublingChain(levels: number): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Node { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query Chain { node { ...F0 } } ${fragments.join(' ')} fragment F${levels} on Node { id }`;
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
    const viaTwoFragments = `query Deep { node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { child { child { id } } } }`;
    expect(check(viaTwoFragments)).toEqual(['Deep is nested 6 deep; the limit is 5']);
  });

  it('counts aliases, including those inside fragments, at every spread', () => {
    expect(
      check(
        '{ a: node { id } b: node { id } ...F } fragment F on Query { c: node { id } d: node { id } }',
      ),
    ).toEqual(['anonymous operation uses 4 aliases; the limit is 3']);
    expect(
      check(
        '{ ...F ...G } fragment F on Query { a: node { id } } fragment G on Query { ...F ...F ...F ...F }',
      ),
    ).toEqual(['anonymous operation uses 5 aliases; the limit is 3']);
  });

  it('does not loop on fragment cycles (graphql reports them itself)', () => {
    const messages = check('{ node { ...A } } fragment A on Node { child { ...A } }');
    expect(messages).toContainEqual(
      expect.stringMatching(/Cannot spread fragment "A" within itself/),
    );
  });

  it.each([16, 64, 256])(
    'measures a %i-level doubling chain of fragments by visiting each fragment once',
    (levels) => {
      const document = parse(doublingChain(levels), { maxTokens: 100_000 });
      const operation = getOperationAST(document);
      if (!operation) throw new Error('no operation');
      const meter = new OperationMeter(schema, document, 20, {});
      const measure = meter.measureOperation(operation);
      // The operation, its `node`, and each of the levels + 1 fragments: nothing twice.
      expect(meter.visits).toBe(levels + 3);
      expect(measure.cost).toBe(1 + 2 ** levels);
      expect(measure.depth).toBe(2);
      expect(costOf(doublingChain(16))).toMatch(/^Chain costs 65537; the limit is 100$/);
    },
  );
});

describe('operationCostError', () => {
  it('multiplies what is under a list by its literal `first`', () => {
    expect(costOf('{ node { children(first: 10) { id child { id } } } }')).toBeNull();
    expect(costOf('{ node { children(first: 60) { id child { id } } } }')).toBe(
      'anonymous operation costs 182; the limit is 100',
    );
  });

  it('uses `first` from variables, their defaults and the schema’s defaults alike', () => {
    const byVariable = 'query Page($n: Int) { node { children(first: $n) { id child { id } } } }';
    expect(costOf(byVariable, { n: 10 })).toBeNull();
    expect(costOf(byVariable, { n: 60 })).toBe('Page costs 182; the limit is 100');
    expect(
      costOf('query Page($n: Int = 60) { node { children(first: $n) { id child { id } } } }'),
    ).toBe('Page costs 182; the limit is 100');
    // `nodes(first: Int = 50)`: the schema's default applies when the caller says nothing.
    expect(costOf('{ nodes { id child { id } } }')).toBe(
      'anonymous operation costs 151; the limit is 100',
    );
    // No `first` and no default: the page size the server would use.
    expect(costOf('{ node { children { id child { id } } } }')).toBe(null);
    expect(costOf('{ node { children { id child { id child { id } } } } }')).toBe(
      'anonymous operation costs 102; the limit is 100',
    );
  });

  it('counts 30 fields that each ask for 100 members through one variable', () => {
    const fields = Array.from({ length: 30 }, (_, i) => `m${i}: children(first: $n) { id }`).join(
      ' ',
    );
    expect(costOf(`query Many($n: Int!) { node { ${fields} } }`, { n: 100 })).toBe(
      'Many costs 3031; the limit is 100',
    );
  });

  it('leaves invalid variables to execution', () => {
    expect(
      costOf('query ($n: Int!) { node { children(first: $n) { id } } }', { n: 'many' }),
    ).toBeNull();
  });
});
