import { apiErrorFromBody, type ApiError } from '../../lib/apiError';
import { reportSessionEnded } from '../sessions/sessionEnded';

/** GraphQL has no uploads: the picture goes to this endpoint beside /graphql. */
export const AVATAR_UPLOAD_PATH = '/avatar';

/**
 * A header a cross-site form cannot send without a CORS preflight, which the server requires
 * on uploads (multipart bodies get no CSRF protection from Apollo's JSON content type).
 */
const CSRF_HEADERS = { 'x-atrium-csrf': '1' };

export type AvatarUploadResult =
  | { ok: true; avatarUrl: string | null }
  /** `error` is null when the answer was not the API's (a proxy's 413 page, say). */
  | { ok: false; status: number; error: ApiError | null };

function avatarUrlIn(bodyText: string): string | null {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null && 'avatarUrl' in body) {
      return typeof body.avatarUrl === 'string' ? body.avatarUrl : null;
    }
  } catch {
    // a 200 without JSON: treated as no picture
  }
  return null;
}

/**
 * Sends the picture as `multipart/form-data` with the session cookie. Network errors throw. A
 * 401 means the session is gone: the signed-in app is told, as for any UNAUTHENTICATED answer.
 */
export async function uploadAvatar(file: File): Promise<AvatarUploadResult> {
  const body = new FormData();
  body.append('avatar', file);
  const response = await fetch(AVATAR_UPLOAD_PATH, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: CSRF_HEADERS,
  });
  const text = await response.text();
  if (response.ok) return { ok: true, avatarUrl: avatarUrlIn(text) };
  const error = apiErrorFromBody(text);
  if (response.status === 401 || error?.code === 'UNAUTHENTICATED')
    reportSessionEnded('sessionEnded');
  return { ok: false, status: response.status, error };
}
