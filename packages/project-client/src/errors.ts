/** `code` of a {@link ProjectClientError}. */
export type ProjectClientErrorCode =
  /** The connection failed or dropped before a complete response arrived. */
  | 'network_error'
  /** The request's `AbortSignal` fired with a `TimeoutError`, as `AbortSignal.timeout()` does. */
  | 'timeout'
  /** The request's `AbortSignal` fired for any other reason. */
  | 'aborted';

export interface ProjectClientErrorOptions {
  code: ProjectClientErrorCode;
  /** HTTP method, such as `GET`. */
  method: string;
  /** URL path of the request, without its query string. */
  path: string;
  /** HTTP status of the response, when there was one. */
  status?: number | undefined;
  cause?: unknown;
}

/**
 * A request of the project client that produced no HTTP response.
 *
 * A response with an error status is not thrown: openapi-fetch returns it as the typed
 * `error` of the result. The message names the method and path only, never the query
 * string, a header or a body.
 */
export class ProjectClientError extends Error {
  override readonly name = 'ProjectClientError';

  readonly code: ProjectClientErrorCode;

  /** HTTP method of the failed request, such as `GET`. */
  readonly method: string;

  /** URL path of the failed request, without its query string. */
  readonly path: string;

  /** HTTP status of the response, when there was one. Network failures have none. */
  readonly status: number | undefined;

  constructor(message: string, options: ProjectClientErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.method = options.method;
    this.path = options.path;
    this.status = options.status;
  }
}
