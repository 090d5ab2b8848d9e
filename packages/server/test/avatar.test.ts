import sharp from 'sharp';
import type { AtriumServer } from '../src/app';
import { signedUpBrowser } from './support/actors';
import { Me, RemoveAvatar } from './support/documents';
import { Actor, errorCode } from './support/graphql';
import { startTestServer } from './support/server';

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

function upload(
  actor: Actor | null,
  bytes: Buffer,
  options: { filename?: string; type?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const form = new FormData();
  form.append(
    'avatar',
    new Blob([new Uint8Array(bytes)], { type: options.type ?? 'image/png' }),
    options.filename ?? 'me.png',
  );
  const headers: Record<string, string> = { 'x-atrium-csrf': '1', ...options.headers };
  if (actor)
    headers.cookie = [...actor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return fetch(`${atrium.url}/avatar`, { method: 'POST', body: form, headers });
}

const photo = (format: 'png' | 'jpeg' | 'webp', width = 640, height = 480) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .toFormat(format)
    .toBuffer();

describe('avatar upload', () => {
  it.each(['png', 'jpeg', 'webp'] as const)(
    'accepts %s, re-encodes it to a 256×256 WebP and serves it cacheably',
    async (format) => {
      const { actor } = await signedUpBrowser(atrium.url, 'Picture Person');
      const response = await upload(actor, await photo(format), { filename: `me.${format}` });
      expect(response.status).toBe(200);
      const { avatarUrl } = (await response.json()) as { avatarUrl: string };
      expect(avatarUrl.startsWith(`${atrium.url}/avatars/`)).toBe(true);
      expect((await actor.run(Me)).me?.avatarUrl).toBe(avatarUrl);

      const image = await fetch(avatarUrl);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/webp');
      expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width: 256, height: 256 });
    },
  );

  it('sniffs the type from the bytes: a GIF named .png is refused', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Gif Person');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    const response = await upload(actor, gif, { filename: 'sneaky.png', type: 'image/png' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: Array<{ extensions: { code: string; fields: Record<string, string> } }>;
    };
    expect(body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { avatar: 'Choose a PNG, JPEG or WebP image' },
      reasons: { avatar: 'AVATAR_TYPE_UNSUPPORTED' },
    });
    expect((await actor.run(Me)).me?.avatarUrl).toBeNull();
  });

  it('refuses a broken image that only starts like a PNG', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Broken Person');
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(500, 7),
    ]);
    expect((await upload(actor, fake)).status).toBe(400);
  });

  it('refuses more than 2 MB with 413', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Big Person');
    const huge = Buffer.concat([await photo('png', 16, 16), Buffer.alloc(2 * 1024 * 1024)]);
    expect((await upload(actor, huge)).status).toBe(413);
  });

  it('needs the CSRF header, an allowed origin, and a signed-in caller', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Careful Person');
    const png = await photo('png');
    expect((await upload(actor, png, { headers: { 'x-atrium-csrf': '' } })).status).toBe(403);
    expect((await upload(actor, png, { headers: { origin: 'https://evil.example' } })).status).toBe(
      403,
    );
    const anonymous = await upload(null, png);
    expect(anonymous.status).toBe(401);
    expect(
      ((await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
        .extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('can be removed; the old URL then answers 404', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Removing Person');
    const { avatarUrl } = (await (await upload(actor, await photo('png'))).json()) as {
      avatarUrl: string;
    };
    expect((await actor.run(RemoveAvatar)).removeAvatar.avatarUrl).toBeNull();
    expect((await fetch(avatarUrl)).status).toBe(404);
    expect(errorCode(await new Actor(atrium.url).execute(RemoveAvatar))).toBe('UNAUTHENTICATED');
  });
});
