import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The import graph of the server's own code (type imports included): no cycles, and the
 * plumbing (everything outside modules/ and the composition root) never imports the
 * composition root: the entry points, the wiring and the module registry.
 */
const SRC = __dirname;
const COMPOSITION_ROOT = ['app.ts', 'services.ts', 'main.ts', 'modules.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'bench' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function importsOf(file: string, known: Set<string>): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map(
    (match) => match[1],
  );
  return specifiers.flatMap((specifier) => {
    const base = path.resolve(path.dirname(file), specifier);
    const candidate = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => known.has(f));
    return candidate ? [candidate] : [];
  });
}

const files = sourceFiles(SRC);
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
const relative = (file: string) => path.relative(SRC, file);

function findCycles(): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting')
        cycles.push(stack.slice(stack.indexOf(next)).map(relative));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the import graph', () => {
  it('has no cycles', () => {
    expect(findCycles()).toEqual([]);
  });

  it('keeps plumbing from importing the composition root', () => {
    const plumbing = files.filter((file) => {
      const name = relative(file);
      return (
        !name.startsWith('modules/') &&
        !name.startsWith('scripts/') &&
        !COMPOSITION_ROOT.includes(name)
      );
    });
    const offending = plumbing.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((target) => COMPOSITION_ROOT.includes(relative(target)))
        .map((target) => `${relative(file)} → ${relative(target)}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('the bench’s peers', () => {
  /** Servers the bench compares Atrium with, and its load generator: development only. */
  const BENCH_ONLY = ['mercurius', 'fastify', 'better-auth', 'autocannon'];

  it('are imported by the bench alone, never by the server', () => {
    const offending = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/(?:from\s+|import\(\s*|require\(\s*)'([^'.][^']*)'/g)]
        .map((match) => match[1])
        .filter((specifier) => BENCH_ONLY.some((name) => specifier.split('/')[0] === name))
        .map((specifier) => `${relative(file)} → ${specifier}`);
    });
    expect(offending).toEqual([]);
  });

  it('are development dependencies', () => {
    const manifest = JSON.parse(readFileSync(path.join(SRC, '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const name of BENCH_ONLY) {
      expect(manifest.dependencies[name]).toBeUndefined();
      expect(manifest.devDependencies[name]).toBeDefined();
    }
  });
});
