#!/usr/bin/env node
// Fails when schema.graphql or the client's generated code differ from what is committed.
// It runs at the end of `pnpm test`, after turbo has rebuilt both from the sources, so a
// difference means someone changed the schema or a document and did not commit the result.
import { execFileSync } from 'node:child_process';

const GENERATED = ['schema.graphql', 'packages/client/src/generated'];

function git(args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

try {
  git(['rev-parse', '--is-inside-work-tree']);
} catch {
  console.warn('check-generated: not a git checkout; skipping the freshness check');
  process.exit(0);
}

const changed = git(['status', '--porcelain', '--', ...GENERATED]).trim();
if (changed) {
  console.error('check-generated: generated files are stale or uncommitted:');
  console.error(changed);
  console.error(git(['diff', '--stat', '--', ...GENERATED]));
  console.error('Run `pnpm build && pnpm codegen` and commit schema.graphql and packages/client/src/generated.');
  process.exit(1);
}
console.log('check-generated: schema.graphql and the client code are fresh');
