/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and for Path=/, so
 * no sibling subdomain can plant or read one. Lax still sends it on the top-level redirect back
 * from an identity provider, never on a cross-site POST or fetch.
 */
export const SESSION_COOKIE = '__Host-peermatch-session';

/** 32 random bytes, base64url without padding. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** The session cookie's value, if the request carries one well formed; the header is parsed by hand (RFC 6265). */
export function sessionCookieOf(header: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(header) ? header.join('; ') : header;
  if (!joined) return undefined;
  for (const pair of joined.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return COOKIE_VALUE.test(value) ? value : undefined;
  }
  return undefined;
}

const ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Lax';

/** Lives no longer than the session may: a browser left open keeps nothing past the absolute limit. */
export function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; ${ATTRIBUTES}; Max-Age=${maxAgeSeconds}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`;
}
