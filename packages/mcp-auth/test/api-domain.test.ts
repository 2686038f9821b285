import { describe, expect, it } from 'vitest';

import { parseApiDomain } from '../src/api-domain.js';

const PROJECTS_PATH_MESSAGE =
  'apiDomain must not end in /projects, because every project service path starts with it. Pass the LFX API base without the service path, such as "api.lfx.dev".';

describe('parseApiDomain', () => {
  it.each([
    ['api.lfx.dev', 'https://api.lfx.dev'],
    ['api.lfx.dev/', 'https://api.lfx.dev'],
    ['api.lfx.dev:8443/gateway', 'https://api.lfx.dev:8443/gateway'],
    ['https://api.lfx.dev', 'https://api.lfx.dev'],
    ['https://api.lfx.dev/', 'https://api.lfx.dev'],
    ['HTTPS://API.LFX.DEV', 'https://api.lfx.dev'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
    ['api.lfx.dev/projects-gateway', 'https://api.lfx.dev/projects-gateway'],
  ])('turns %j into %j', (given, want) => {
    expect(parseApiDomain(given)).toBe(want);
  });

  it.each([
    [undefined, 'apiDomain is missing. Pass the LFX API host, such as "api.lfx.dev", or its base URL, such as "https://api.lfx.dev".'],
    ['', 'apiDomain is missing. Pass the LFX API host, such as "api.lfx.dev", or its base URL, such as "https://api.lfx.dev".'],
    [' api.lfx.dev', 'apiDomain must not start or end with whitespace.'],
    ['http://api.lfx.dev', 'apiDomain must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).'],
    ['ftp://api.lfx.dev', 'apiDomain must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).'],
    ['https://api.lfx.dev?v=1', 'apiDomain must not contain a query or a fragment.'],
    ['https://user:pass@api.lfx.dev', 'apiDomain must not contain credentials.'],
    ['api lfx dev', 'apiDomain is not a valid absolute URL.'],
    ['127.0.0.1:8080', 'apiDomain "127.0.0.1:8080" names a loopback host without a scheme. Write "http://127.0.0.1:8080" for a local http API, or "https://127.0.0.1:8080".'],
    ['127.0.0.1', 'apiDomain "127.0.0.1" names a loopback host without a scheme. Write "http://127.0.0.1" for a local http API, or "https://127.0.0.1".'],
    ['localhost:3000/api', 'apiDomain "localhost:3000/api" names a loopback host without a scheme. Write "http://localhost:3000/api" for a local http API, or "https://localhost:3000/api".'],
    ['[::1]:8080', 'apiDomain "[::1]:8080" names a loopback host without a scheme. Write "http://[::1]:8080" for a local http API, or "https://[::1]:8080".'],
    ['api.lfx.dev/projects', PROJECTS_PATH_MESSAGE],
    ['https://api.lfx.dev/gateway/projects/', PROJECTS_PATH_MESSAGE],
    ['http://127.0.0.1:8080/projects', PROJECTS_PATH_MESSAGE],
  ])('rejects %j', (given, message) => {
    expect(() => parseApiDomain(given)).toThrow(new TypeError(message));
  });
});
