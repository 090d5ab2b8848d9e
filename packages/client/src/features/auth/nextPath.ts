/** Where a person lands after signing in when no `next` was given. */
export const DEFAULT_SIGNED_IN_PATH = '/settings/profile';

// Any control character or backslash could be reinterpreted by a browser as `//`.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Accepts only a same-site relative path (`/settings/team?x=1`). Anything else, such as
 * `//evil.com`, `https://evil.com` or `/\evil.com`, gives null, so a crafted login link
 * cannot send a person to another site.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return null;
  if (UNSAFE_CHARACTERS.test(raw)) return null;
  return raw;
}

/** `/login?next=…` for the page a signed-out visitor tried to open. */
export function logInPathFor(path: string): string {
  return `/login?next=${encodeURIComponent(safeNextPath(path) ?? DEFAULT_SIGNED_IN_PATH)}`;
}
