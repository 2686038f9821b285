// Plain HTTP is allowed only to the local machine, where nothing crosses a network: tests and
// local development run their servers there.
const LOOPBACK_HOSTNAMES = new Set(['localhost', '[::1]']);

/** Returns whether `url` names the local machine: `localhost`, `[::1]` or an address in 127.0.0.0/8. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTNAMES.has(url.hostname) || /^127(?:\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * Parses `value` as an absolute `https:` URL, or an `http:` URL on loopback, without
 * credentials, query or fragment.
 *
 * @throws {TypeError} naming `option` when `value` is anything else.
 */
export function parseServerUrl(value: unknown, option: string): URL {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${option} must be a non-empty URL string.`);
  }

  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new TypeError(`${option} is not a valid absolute URL.`, { cause });
  }

  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new TypeError(`${option} must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`${option} must not contain credentials.`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError(`${option} must not contain a query or a fragment.`);
  }

  return url;
}

/** Removes one trailing slash, so that `https://as.example/` and `https://as.example` compare equal. */
export function trimTrailingSlash(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value;
}
