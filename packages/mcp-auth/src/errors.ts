/** `code` of an {@link McpAuthError}. */
export type McpAuthErrorCode =
  /** A tool handler received no `authInfo`, so the MCP endpoint is not behind `requireBearerAuth`. */
  | 'missing_auth_info'
  /** `authInfo.token`, or the token given to `withMCPToken`, is missing or blank. */
  | 'missing_token'
  /** An LFX API call that needs the caller's token ran outside `withMCPToken`. */
  | 'no_token_in_context'
  /** The JWKS of an allowed issuer could not be fetched or is not a valid JWK Set. */
  | 'jwks_unavailable'
  /** The authorization server metadata of an allowed issuer could not be fetched or is invalid. */
  | 'metadata_unavailable';

export interface McpAuthErrorOptions {
  code: McpAuthErrorCode;
  status?: number | undefined;
  cause?: unknown;
}

/**
 * The error this package raises for its own failures. Token rejections by the verifier are
 * the MCP SDK's `InvalidTokenError` instead, so that `requireBearerAuth` responds with 401.
 *
 * Its message, properties and `cause` never contain a bearer token or an exchanged token.
 */
export class McpAuthError extends Error {
  override readonly name = 'McpAuthError';

  readonly code: McpAuthErrorCode;

  /** HTTP status of the response that caused the failure, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, options: McpAuthErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
  }
}
