import { setTimeout as delay } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { getMCPToken, McpAuthError, withMCPToken } from '../src/index.js';

describe('withMCPToken', () => {
  it('returns what the callback returns', () => {
    const result = withMCPToken('token-a', () => 42);

    expect(result).toBe(42);
  });

  it('exposes the token inside the callback', () => {
    const seen = withMCPToken('token-a', () => getMCPToken());

    expect(seen).toBe('token-a');
  });

  it('keeps the token across awaits and timers', async () => {
    const seen = await withMCPToken('token-a', async () => {
      await delay(1);
      return new Promise((resolve) => setImmediate(() => resolve(getMCPToken())));
    });

    expect(seen).toBe('token-a');
  });

  it('lets the innermost token win', () => {
    const seen = withMCPToken('outer', () => [getMCPToken(), withMCPToken('inner', () => getMCPToken()), getMCPToken()]);

    expect(seen).toEqual(['outer', 'inner', 'outer']);
  });

  it('isolates interleaved calls', async () => {
    const tokens = Array.from({ length: 200 }, (_, index) => `token-${index}`);

    const seen = await Promise.all(
      tokens.map((token, index) =>
        withMCPToken(token, async () => {
          await delay(index % 7);
          const first = getMCPToken();
          await delay((index * 3) % 5);
          return [first, getMCPToken()];
        }),
      ),
    );

    expect(seen).toEqual(tokens.map((token) => [token, token]));
  });

  it.each(['', ' \t'])('throws missing_token for %j', (token) => {
    expect(() => withMCPToken(token, () => undefined)).toThrow(McpAuthError);
    expect(() => withMCPToken(token, () => undefined)).toThrow(
      'withMCPToken received an empty token. Pass the value that extractMCPToken(extra.authInfo) returns.',
    );
  });
});

describe('getMCPToken', () => {
  it('returns undefined outside withMCPToken', () => {
    expect(getMCPToken()).toBeUndefined();
  });

  it('returns undefined after the callback has returned', async () => {
    await withMCPToken('token-a', async () => delay(1));

    expect(getMCPToken()).toBeUndefined();
  });
});
