import { isLoopback, parseServerUrl } from './url.js';

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Turns the `apiDomain` option into the API base URL, without a trailing slash.
 *
 * A bare host such as `api.lfx.dev` (with an optional port or base path) becomes
 * `https://api.lfx.dev`, because the LFX API is served over https. A bare loopback host is
 * rejected instead, because a local API usually serves plain http and a silent https would
 * fail with a TLS error. A URL with a scheme is taken as it is: https anywhere, http on
 * loopback only. The path must not end in `/projects`, because the project client's
 * operation paths start with it.
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

  const hasScheme = HAS_SCHEME.test(value);
  const url = parseServerUrl(hasScheme ? value : `https://${value}`, 'apiDomain');

  if (!hasScheme && isLoopback(url)) {
    throw new TypeError(
      `apiDomain ${JSON.stringify(value)} names a loopback host without a scheme. ` +
        `Write ${JSON.stringify(`http://${value}`)} for a local http API, or ${JSON.stringify(`https://${value}`)}.`,
    );
  }

  if (/\/projects\/*$/.test(url.pathname)) {
    throw new TypeError(
      'apiDomain must not end in /projects, because every project service path starts with it. Pass the LFX API base without the service path, such as "api.lfx.dev".',
    );
  }

  return url.href.replace(/\/$/, '');
}
