import type { Middleware } from 'openapi-fetch';

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
