import { parseServerUrl } from './url.js';

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Turns the `apiDomain` option into the API base URL, without a trailing slash.
 *
 * A bare host such as `api.lfx.dev` (with an optional port or base path) becomes
 * `https://api.lfx.dev`, because the LFX API is served over https. A URL with a scheme is
 * taken as it is: https anywhere, http on loopback only.
 *
 * @throws {TypeError} naming `apiDomain`, when the value is anything else.
 */
export function parseApiDomain(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError('apiDomain is missing. Pass the LFX API host, such as "api.lfx.dev", or its base URL, such as "https://api.lfx.dev".');
  }
  if (value.trim() !== value) {
    throw new TypeError('apiDomain must not start or end with whitespace.');
  }

  const url = parseServerUrl(HAS_SCHEME.test(value) ? value : `https://${value}`, 'apiDomain');

  return url.href.replace(/\/$/, '');
}
