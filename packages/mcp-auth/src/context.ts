import { AsyncLocalStorage } from 'node:async_hooks';

import { McpAuthError } from './errors.js';

// One store for the whole process: each `run` gives its callback, and every async operation
// it starts, a private value, so concurrent tool calls never read each other's token.
const storage = new AsyncLocalStorage<string>();

/**
 * Runs `fn` with `token` attached to the current async context and returns what `fn` returns.
 * Every LFX API call that `fn` starts, directly or through awaited promises, timers and
 * callbacks, is made for this token. Calls may nest: the innermost token wins.
 *
 * @throws {McpAuthError} `missing_token` when `token` is not a non-blank string.
 */
export function withMCPToken<R>(token: string, fn: () => R): R {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new McpAuthError(
      'withMCPToken received an empty token. Pass the value that extractMCPToken(extra.authInfo) returns.',
      { code: 'missing_token' },
    );
  }

  return storage.run(token, fn);
}

/** Returns the MCP token attached by the enclosing {@link withMCPToken}, or `undefined` outside one. */
export function getMCPToken(): string | undefined {
  return storage.getStore();
}
