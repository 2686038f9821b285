/**
 * Failures that this package raises itself, as opposed to an OAuth `error` that the
 * authorization server returned.
 */
export type TokenExchangeLocalErrorCode =
  /** The request could not be sent or the connection failed before a full response arrived. */
  | 'network_error'
  /** No complete response arrived within `timeoutMs`, or the caller's signal fired with a `TimeoutError` reason. */
  | 'timeout'
  /** The caller's `AbortSignal` fired with any other reason. */
  | 'aborted'
  /** A non-2xx response without an RFC 6749 error body (an HTML error page, for example). */
  | 'http_error'
  /** The response body is not JSON, or a 2xx body breaks the RFC 6749 / RFC 8693 rules. */
  | 'invalid_response'
  /** The response body exceeded the size limit. */
  | 'response_too_large'
  /** The subject token is empty or blank. */
  | 'invalid_subject_token'
  /** No subject token is available for a request that needs one. */
  | 'missing_subject_token';

/** The `error` codes of RFC 6749 section 5.2 and RFC 8693 section 2.2.2. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_target';

/**
 * `code` of a {@link TokenExchangeError}: one of this package's own codes, an RFC 6749
 * or RFC 8693 error code, or any other `error` string an authorization server returned.
 */
export type TokenExchangeErrorCode = TokenExchangeLocalErrorCode | OAuthErrorCode | (string & {});

export interface TokenExchangeErrorOptions {
  code: TokenExchangeErrorCode;
  status?: number | undefined;
  description?: string | undefined;
  cause?: unknown;
}

/**
 * The single error type of this package's network operations.
 *
 * Its message, properties and `cause` never contain the client secret, the client
 * assertion, the subject token or an issued token.
 */
export class TokenExchangeError extends Error {
  override readonly name = 'TokenExchangeError';

  /** An RFC 6749 `error` code from the server, or one of {@link TokenExchangeLocalErrorCode}. */
  declare readonly code: TokenExchangeErrorCode;

  /** HTTP status of the token endpoint's response, when there was one. */
  declare readonly status: number | undefined;

  /** The server's `error_description`, when it sent one. */
  declare readonly description: string | undefined;

  constructor(message: string, options: TokenExchangeErrorOptions) {
    // Error reads only `cause` from its options, and sets no `cause` property when the key is absent.
    super(message, options);
    this.code = options.code;
    this.status = options.status;
    this.description = options.description;
  }
}
