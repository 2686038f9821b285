import { describe, expect, it } from 'vitest';

import { extractMCPToken, McpAuthError } from '../src/index.js';

describe('extractMCPToken', () => {
  it('returns the bearer token', () => {
    const token = extractMCPToken({ token: 'eyJ.mcp.token', clientId: 'c', scopes: [] });

    expect(token).toBe('eyJ.mcp.token');
  });

  it.each([undefined, null])('throws missing_auth_info for %s', (authInfo) => {
    const error = captureError(() => extractMCPToken(authInfo));

    expect(error).toBeInstanceOf(McpAuthError);
    expect(error).toMatchObject({
      code: 'missing_auth_info',
      message:
        'The tool call has no authInfo. Put the MCP endpoint behind requireBearerAuth so that every request carries a verified bearer token.',
    });
  });

  it.each(['', '   ', undefined])('throws missing_token for token %j', (token) => {
    const error = captureError(() => extractMCPToken({ token: token as string, clientId: 'c', scopes: [] }));

    expect(error).toMatchObject({
      code: 'missing_token',
      message:
        'authInfo.token is missing or empty. Put the MCP endpoint behind requireBearerAuth with a verifier that returns the bearer token in AuthInfo.token.',
    });
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
