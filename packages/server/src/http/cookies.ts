/** Where the session cookie lives: `__Host-` and Secure in production, plain on localhost. */
export interface SessionCookiePolicy {
  name: string;
  secure: boolean;
}

export function sessionCookiePolicy(production: boolean): SessionCookiePolicy {
  return production
    ? { name: '__Host-atrium_session', secure: true }
    : { name: 'atrium_session', secure: false };
}

export function serializeSessionCookie(
  policy: SessionCookiePolicy,
  token: string,
  expires: Date,
): string {
  const attributes = [
    `${policy.name}=${token}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (policy.secure) attributes.push('Secure');
  return attributes.join('; ');
}

export function clearSessionCookie(policy: SessionCookiePolicy): string {
  const attributes = [`${policy.name}=`, 'Path=/', 'Max-Age=0', 'HttpOnly', 'SameSite=Lax'];
  if (policy.secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** The value of one cookie from a Cookie header, without parsing the rest. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
