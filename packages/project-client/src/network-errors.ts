import { ProjectClientError, type ProjectClientErrorCode } from './errors.js';

/**
 * The `fetch` signature that openapi-fetch calls: a `Request`, and its `requestInitExt` as the
 * second argument when one is configured.
 */
export type FetchFunction = (request: Request, init?: RequestInit) => Promise<Response>;

/**
 * Wraps `fetchFunction` so that any error it throws rejects as a {@link ProjectClientError}
 * that names the request's method and path and keeps the original error as `cause`.
 *
 * openapi-fetch gives this wrapper to middleware as `options.fetch`, so a request that a
 * middleware sends again, such as the token exchange retry after a 401, fails the same way as
 * the first attempt. openapi-fetch runs `onError` hooks only around its own first fetch.
 */
export function wrapNetworkErrors(fetchFunction: FetchFunction): FetchFunction {
  return async (request, init) => {
    try {
      return await fetchFunction(request, init);
    } catch (error) {
      throw toProjectClientError(request, error);
    }
  };
}

function toProjectClientError(request: Request, error: unknown): ProjectClientError {
  const method = request.method;
  const path = new URL(request.url).pathname;
  const code = classifyFetchError(request.signal);

  return new ProjectClientError(`${method} ${path} ${describeFailure(code)}`, { code, method, path, cause: error });
}

function classifyFetchError(signal: AbortSignal): ProjectClientErrorCode {
  if (!signal.aborted) {
    return 'network_error';
  }

  const reason: unknown = signal.reason;
  const isTimeout = reason instanceof Error && reason.name === 'TimeoutError';
  return isTimeout ? 'timeout' : 'aborted';
}

function describeFailure(code: ProjectClientErrorCode): string {
  switch (code) {
    case 'network_error':
      return 'failed before a response arrived: the connection could not be made or was dropped. Check that `baseUrl` points at a reachable LFX API, then retry.';
    case 'timeout':
      return 'timed out before a response arrived. Allow more time in the AbortSignal passed as `signal`, or retry.';
    case 'aborted':
      return 'was aborted by the AbortSignal passed as `signal`.';
  }
}
