import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { SignUp } from './support/documents';
import { Actor } from './support/graphql';
import { startProcess } from './support/process';
import { uniqueEmail } from './support/server';

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function collect(stream: NodeJS.ReadableStream): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: stream })) lines.push(line);
  return lines;
}

describe('the server process', () => {
  it('refuses bad configuration with one line per problem and exit code 1', async () => {
    const child = startProcess({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://nope',
      APP_URL: 'ftp://example.com',
      NODE_ENV: 'production',
      SMS_API_URL: 'https://sms.example.com',
    });
    const [stderr, code] = await Promise.all([collect(child.stderr!), exited(child)]);
    expect(code).toBe(1);
    expect(stderr).toEqual([
      expect.stringMatching(/^config error: PORT: /),
      expect.stringMatching(
        /^config error: DATABASE_URL: must be mysql:\/\/user:pass@host:3306\/db or sqlite:path$/,
      ),
      expect.stringMatching(
        /^config error: APP_URL: must be a URL starting with http:\/\/ or https:\/\/$/,
      ),
    ]);
  });

  it('names every cross-field problem too', async () => {
    const child = startProcess({ NODE_ENV: 'production', SMS_API_URL: 'https://sms.example.com' });
    const [stderr, code] = await Promise.all([collect(child.stderr!), exited(child)]);
    expect(code).toBe(1);
    expect(stderr).toEqual([
      'config error: SECRET_KEY: is required when NODE_ENV=production (32+ random bytes)',
      'config error: SMS_API_URL: needs SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM as well',
    ]);
  });

  it('on SIGTERM finishes the request in flight, closes WebSockets, and exits 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atrium-process-'));
    const child = startProcess({
      PORT: '0',
      DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(dir, 'db.sqlite')}`,
      OUTBOX_DIR: path.join(dir, 'outbox'),
      LOG_LEVEL: 'info',
    });
    const stdout = createInterface({ input: child.stdout! });
    const logs: Array<Record<string, unknown>> = [];
    const url = await new Promise<string>((resolve, reject) => {
      stdout.on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve(String(entry.url));
      });
      child.once('exit', () => reject(new Error('server exited before listening')));
    });

    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const socketClosed = new Promise<number>((resolve) =>
      socket.once('close', (code) => resolve(code)),
    );

    // Sign-up hashes a password, so it is still running when the signal lands.
    const inFlight = new Actor(url).execute(SignUp, {
      input: { email: uniqueEmail('drain'), password: 'Correct-horse-9', fullName: 'Drain' },
    });
    await new Promise((resolve) => setTimeout(resolve, 15));
    child.kill('SIGTERM');

    const stdoutEnded = new Promise((resolve) => stdout.once('close', resolve));
    const [result, code, closeCode] = await Promise.all([
      inFlight,
      exited(child),
      socketClosed,
      stdoutEnded,
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp.account.fullName).toBe('Drain');
    expect(code).toBe(0);
    expect(closeCode).toBe(1001);
    expect(logs.some((entry) => entry.msg === 'shutting down')).toBe(true);
    // With a reader that keeps up, the log is written out to its last line before the exit.
    expect(logs.at(-1)).toMatchObject({ msg: 'stopped' });
    // No credential ever reaches the log.
    expect(JSON.stringify(logs)).not.toMatch(/Correct-horse-9|atrium_session=/);
  });
});
