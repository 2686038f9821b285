import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

import { McpAuthError } from './errors.js';

/**
 * Returns the caller's raw bearer token from the `AuthInfo` that the MCP SDK hands a tool
 * handler as `extra.authInfo`. The SDK fills it only for requests that passed
 * `requireBearerAuth`.
 *
 * @throws {McpAuthError} `missing_auth_info` when `authInfo` is absent, `missing_token` when its
 *   `token` is missing or blank.
 */
export function extractMCPToken(authInfo: AuthInfo | null | undefined): string {
  if (authInfo === undefined || authInfo === null) {
    throw new McpAuthError(
      'The tool call has no authInfo. Put the MCP endpoint behind requireBearerAuth so that every request carries a verified bearer token.',
      { code: 'missing_auth_info' },
    );
  }

  const { token } = authInfo;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new McpAuthError(
      'authInfo.token is missing or empty. Put the MCP endpoint behind requireBearerAuth with a verifier that returns the bearer token in AuthInfo.token.',
      { code: 'missing_token' },
    );
  }

  return token;
}
