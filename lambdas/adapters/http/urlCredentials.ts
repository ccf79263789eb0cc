/**
 * URLs that carry credentials (`https://user:password@host/…`): told apart, and shown without them.
 * The client refuses such URLs, and no error, log line or record may repeat what they carry.
 */

/** True when the URL has a user name or a password part. */
export function hasCredentials(u: URL): boolean {
  return u.username !== '' || u.password !== '';
}

/** `scheme://` then a user-info part, up to the last `@` before the path, query or fragment. */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i;

/**
 * The URL as it may be shown: any `user:password@` replaced by `***@`. Works on text that is not a
 * valid URL too (it is what an error about a bad URL shows).
 */
export function redactUrl(raw: string): string {
  return raw.replace(USER_INFO, '$1***@');
}
