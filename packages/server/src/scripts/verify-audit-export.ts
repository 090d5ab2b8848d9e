import { createReadStream } from 'node:fs';
import { readExport } from '../modules/audit/audit-export-reader';
import { verifyExport, type Gap, type Verification } from '../modules/audit/audit-verify';

const USAGE = `Usage: verify-audit-export <file.jsonl|file.csv> [--allow-gaps | --complete]

Checks an audit log exported from Atrium (GET /audit-export) without the server: every entry's
hash, every link to the entry before, and (JSON lines) the chain's ends as the export began.
Missing entries fail the check unless the export was filtered by person, key or type: a JSON
lines file says so in its first line; for a filtered CSV file, pass --allow-gaps.
--complete: refuse missing entries whatever the file says.
Exit code 0: intact; 1: edited, reordered or incomplete; 2: the file could not be read.`;

function describeGaps(gaps: Gap[]): string {
  const shown = gaps
    .slice(0, 10)
    .map((gap) => (gap.from === gap.to ? `${gap.from}` : `${gap.from}–${gap.to}`));
  return `${shown.join(', ')}${gaps.length > 10 ? ', …' : ''}`;
}

function report(file: string, result: Verification): string {
  const range =
    result.firstSequence === null
      ? 'no entries'
      : `entries ${result.firstSequence}–${result.lastSequence}`;
  const lines = [`${file}: ${result.entries} entries (${range})`];
  if (result.erasedDetails > 0) {
    lines.push(`${result.erasedDetails} with details erased with an account (checked by digest)`);
  }
  if (result.gaps.length > 0) lines.push(`not in the file: ${describeGaps(result.gaps)}`);
  lines.push(...result.problems.map((problem) => `problem: ${problem}`));
  lines.push(result.ok ? 'OK: the chain is intact' : 'FAILED: the file does not match the chain');
  return `${lines.join('\n')}\n`;
}

async function main(args: string[]): Promise<number> {
  const files = args.filter((arg) => !arg.startsWith('--'));
  const flags = args.filter((arg) => arg.startsWith('--'));
  const known = ['--complete', '--allow-gaps'];
  if (files.length !== 1 || flags.some((flag) => !known.includes(flag)) || flags.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const complete =
    flags[0] === '--complete' ? true : flags[0] === '--allow-gaps' ? false : undefined;
  try {
    const file = await readExport(createReadStream(files[0]));
    const result = await verifyExport(file.header, file.entries, { complete });
    process.stdout.write(report(files[0], result));
    return result.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`${files[0]}: cannot be read as an audit log export: ${String(error)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 2;
  },
);
