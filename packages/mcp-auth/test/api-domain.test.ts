import { describe, expect, it } from 'vitest';

import { parseApiDomain } from '../src/api-domain.js';

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
  ])('rejects %j', (given, message) => {
    expect(() => parseApiDomain(given)).toThrow(new TypeError(message));
  });
});
