import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { simpleParser } from 'mailparser';
import WebSocket from 'ws';
import sharp from 'sharp';
import { signedUpBrowser } from './support/actors';
import { Me, RequestPasswordReset } from './support/documents';
import { Actor } from './support/graphql';
import { freePort } from '../src/lib/free-port';
import { listeningUrl, startProcess } from './support/process';

/**
 * `PORT` and nothing else (SPEC §5: APP_URL defaults to http://localhost:$PORT): the product
 * works from both loopback names of that port, and its links point at it.
 */
describe('a server started with only PORT', () => {
  let child: ChildProcess;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atrium-port-only-'));
    port = await freePort();
    // On the MariaDB pass the database is the suite's; everything else is left to the defaults.
    const database: Record<string, string> = process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL }
      : {};
    child = startProcess({ PORT: String(port), ...database }, dir);
    await listeningUrl(child);
  });

  afterAll(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  const cookieOf = (actor: Actor) =>
    [...actor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  async function uploadFrom(origin: string, actor: Actor): Promise<Response> {
    const png = await sharp({
      create: { width: 64, height: 64, channels: 3, background: { r: 20, g: 90, b: 200 } },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('avatar', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'me.png');
    return fetch(`${origin}/avatar`, {
      method: 'POST',
      body: form,
      headers: { 'x-atrium-csrf': '1', origin, cookie: cookieOf(actor) },
    });
  }

  it.each(['localhost', '127.0.0.1'])(
    'takes an avatar uploaded from http://%s:PORT and serves it from http://localhost:PORT',
    async (host) => {
      const origin = `http://${host}:${port}`;
      const { actor } = await signedUpBrowser(origin, 'Port Person');
      const response = await uploadFrom(origin, actor);
      expect(response.status).toBe(200);
      const { avatarUrl } = (await response.json()) as { avatarUrl: string };
      expect(avatarUrl).toMatch(new RegExp(`^http://localhost:${port}/avatars/`));
      expect((await actor.run(Me)).me?.avatarUrl).toBe(avatarUrl);
      expect((await fetch(avatarUrl)).status).toBe(200);
    },
  );

  it('refuses an upload from another site, naming the origin as the reason', async () => {
    const origin = `http://localhost:${port}`;
    const { actor } = await signedUpBrowser(origin, 'Careful Person');
    const response = await fetch(`${origin}/avatar`, {
      method: 'POST',
      body: new FormData(),
      headers: { 'x-atrium-csrf': '1', origin: 'https://evil.example', cookie: cookieOf(actor) },
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: Array<{ extensions: { reason: string } }> };
    expect(body.errors[0].extensions.reason).toBe('AVATAR_UPLOAD_ORIGIN_REFUSED');
  });

  async function meOverWebSocket(origin: string, actor: Actor): Promise<unknown> {
    const client = createClient({
      url: `ws://${new URL(origin).host}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { origin, cookie: cookieOf(actor) } });
        }
      },
      retryAttempts: 0,
    });
    try {
      return await new Promise((resolve, reject) => {
        let result: unknown;
        client.subscribe(
          { query: '{ me { email } }' },
          { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it.each(['localhost', '127.0.0.1'])(
    'opens a signed-in WebSocket from http://%s:PORT',
    async (host) => {
      const origin = `http://${host}:${port}`;
      const { actor, email } = await signedUpBrowser(origin, 'Socket Person');
      expect(await meOverWebSocket(origin, actor)).toEqual({ data: { me: { email } } });
    },
  );

  it('refuses the WebSocket from another port of the same machine', async () => {
    const origin = `http://127.0.0.1:${port}`;
    const { actor } = await signedUpBrowser(origin, 'Other Port');
    await expect(
      meOverWebSocket(`http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}`, actor),
    ).rejects.toBeDefined();
  });

  it('mails links to http://localhost:PORT', async () => {
    const origin = `http://127.0.0.1:${port}`;
    const { email } = await signedUpBrowser(origin, 'Mail Person');
    await new Actor(origin).run(RequestPasswordReset, { email });
    const outbox = path.join(dir, 'data', 'outbox');
    // Mail leaves through the job runner: wait for the file rather than a fixed time.
    let text = '';
    for (let waited = 0; !text && waited < 10_000; waited += 50) {
      for (const file of (existsSync(outbox) ? readdirSync(outbox) : []).filter((name) =>
        name.endsWith('.eml'),
      )) {
        const mail = await simpleParser(readFileSync(path.join(outbox, file)));
        if (
          mail.text?.includes('/reset-password?token=') &&
          mail.to &&
          JSON.stringify(mail.to).includes(email)
        )
          text = mail.text;
      }
      if (!text) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(text).toContain(`http://localhost:${port}/reset-password?token=`);
  });
});
