import type { Middleware } from 'openapi-fetch';

import { ProjectClientError, type ProjectClientErrorCode } from './errors.js';

/** The version every LFX v2 project service operation accepts in its `v` query parameter. */
export const API_VERSION = '1';

/**
 * Adds `v=1` to the query of each request that has no `v` yet, so callers need not pass
 * `params.query.v` on every call. It appends to the query string instead of rebuilding it,
 * which keeps the encoding of the other parameters as openapi-fetch produced it.
 */
export const apiVersionMiddleware: Middleware = {
  onRequest({ request }) {
    const url = new URL(request.url);
    if (url.searchParams.has('v')) {
      return undefined;
    }

    url.search = url.search === '' ? `v=${API_VERSION}` : `${url.search.slice(1)}&v=${API_VERSION}`;
    return new Request(url, request);
  },
};

/**
 * Replaces an error thrown by `fetch` with a {@link ProjectClientError} that names the
 * request's method and path and keeps the original error as `cause`.
 */
export const networkErrorMiddleware: Middleware = {
  onError({ request, error }) {
    const method = request.method;
    const path = new URL(request.url).pathname;
    const code = classifyFetchError(request.signal);

    return new ProjectClientError(`${method} ${path} ${describeFailure(code)}`, { code, method, path, cause: error });
  },
};

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
