import { ENTITIES } from '../src/modules';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Like } from 'typeorm';
import { loadConfig } from '../src/config/env';
import { createDataSource } from '../src/db/data-source';
import { JobEntity } from '../src/jobs/job.entity';
import { freePort } from '../src/lib/free-port';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import { ChangePassword } from './support/documents';
import { eventually } from './support/jobs';
import { freshDatabase } from './support/server';
import { SmtpInbox } from './support/smtp';

/** The compiled server, as `pnpm --filter @atrium/server start` runs it. */
const MAIN = path.join(__dirname, '..', 'dist', 'main.js');

/** Starts dist/main.js and resolves with it and its URL once it logs that it is listening. */
async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening') resolve(String(entry.url));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(child.signalCode ?? child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}

/**
 * "Nothing is lost": a sign-up and a password change commit, the process is killed
 * (SIGKILL, no shutdown at all) before their mails go out, and a restart on the same database
 * delivers each mail exactly once. The mail server is simply not up yet in the first life, so
 * the sends fail and wait for their retry; the kill lands while nothing is being sent.
 */
it('delivers the mail of committed changes exactly once after a SIGKILL and a restart', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-nothing-lost-'));
  const database = await freshDatabase(dir);
  const smtpPort = await freePort();
  const env = {
    PORT: '0',
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SECRET_KEY: 'nothing-lost-secret-key-0123456789abcdef',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    LOG_LEVEL: 'info',
  };
  const observer = await createDataSource(
    loadConfig({ DATABASE_URL: database.url }).database,
    ENTITIES,
  );
  let inbox: SmtpInbox | null = null;
  let server: { child: ChildProcess; url: string } | null = null;
  try {
    server = await startServer(env);
    const { actor, email } = await signedUpBrowser(server.url, 'Kept Mail');
    await actor.run(ChangePassword, {
      input: {
        currentPassword: STRONG_PASSWORD,
        newPassword: 'Another-horse-42',
        signOutOtherSessions: false,
      },
    });

    await observer.initialize();
    const mails = () =>
      observer.getRepository(JobEntity).findBy({ kind: 'mail.send', payload: Like(`%${email}%`) });
    // Both mails have been tried and are waiting for their retry, none of them mid-send.
    await eventually('both mails to wait for a retry', async () => {
      const rows = await mails();
      const waiting = rows.every(
        (row) =>
          row.status === 'PENDING' && row.attempts >= 1 && row.runAt.getTime() - Date.now() > 300,
      );
      return rows.length === 2 && waiting;
    });
    const beforeKill = await mails();
    server.child.kill('SIGKILL');
    expect(await exited(server.child)).toBe('SIGKILL');
    const states = beforeKill.map((row) => `${row.status} after ${row.attempts} attempt(s)`);
    process.stdout.write(`killed with the mail jobs ${states.join(', ')}\n`);

    inbox = await SmtpInbox.start(smtpPort);
    server = await startServer(env);
    await inbox.waitFor(email, /^Confirm your email address$/, 20_000);
    await inbox.waitFor(email, /^Your Atrium password was changed$/, 20_000);
    await eventually('both jobs to be recorded as done', async () =>
      (await mails()).every((row) => row.status === 'SUCCEEDED'),
    );
    // A duplicate would come from a second run; give any such run a few polls to show up.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const received = inbox.mailsTo(email).map((mail) => mail.subject);
    process.stdout.write(`received after the restart: ${JSON.stringify(received)}\n`);
    expect(received.sort()).toEqual([
      'Confirm your email address',
      'Your Atrium password was changed',
    ]);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await exited(server.child);
    }
    await inbox?.close();
    if (observer.isInitialized) await observer.destroy();
    await database.drop();
  }
}, 90_000);
