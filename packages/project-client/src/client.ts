import createClient, { type Client } from 'openapi-fetch';

import type { paths } from './generated/project-service.js';
import { apiVersionMiddleware } from './middleware.js';
import { wrapNetworkErrors, type FetchFunction } from './network-errors.js';
import { resolveOptions, type ProjectClientOptions } from './options.js';

export type { ProjectClientOptions } from './options.js';

/** An openapi-fetch client typed by the project service's paths. */
export type ProjectClient = Client<paths>;

/** The client's methods that take per-request options as their second argument. */
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type RequestInitWithFetch = { fetch?: unknown } | undefined;
type MethodCall = (path: unknown, init?: RequestInitWithFetch) => Promise<unknown>;
type RequestCall = (method: unknown, path: unknown, init?: RequestInitWithFetch) => Promise<unknown>;

/**
 * Creates a client for the LFX v2 project service.
 *
 * Every request carries `v=1` unless the call sets `params.query.v`. A request that gets no
 * response (a refused connection, a reset, an aborted or timed-out signal) rejects with a
 * `ProjectClientError` that names the method and path. That includes a request sent again by
 * a middleware through `options.fetch`, such as the token exchange retry after a 401, and a
 * request sent with a per-request `fetch`. Error statuses (400, 404, 409, 500, 503) do not
 * throw: the result's `error` contains the typed body.
 *
 * @throws {TypeError} when an option is missing or invalid; the message names it.
 */
export function createProjectClient(options: ProjectClientOptions): ProjectClient {
  const { baseUrl, middleware, fetch, headers } = resolveOptions(options);

  const client = createClient<paths>({ baseUrl, headers, fetch: wrapNetworkErrors(fetch) });

  // The version middleware replaces the Request, so it must run before any middleware that
  // keeps a reference to it, such as token exchange.
  client.use(apiVersionMiddleware, ...middleware);

  wrapPerRequestFetch(client);
  return client;
}

/**
 * Replaces the client's methods with ones that wrap a per-request `fetch` option as the
 * client's own `fetch` is wrapped, because openapi-fetch would call it as it is.
 */
function wrapPerRequestFetch(client: ProjectClient): void {
  // openapi-fetch's methods are closures that never read `this`, so they can be replaced.
  const methods = client as unknown as Record<(typeof METHODS)[number], MethodCall> & { request: RequestCall };

  for (const name of METHODS) {
    const send = methods[name];
    methods[name] = (path, init) => send(path, withWrappedFetch(init));
  }

  const request = methods.request;
  methods.request = (method, path, init) => request(method, path, withWrappedFetch(init));
}

function withWrappedFetch(init: RequestInitWithFetch): RequestInitWithFetch {
  if (typeof init?.fetch !== 'function') {
    return init;
  }
  return { ...init, fetch: wrapNetworkErrors(init.fetch as FetchFunction) };
}
