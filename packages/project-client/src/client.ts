import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';

import type { paths } from './generated/project-service.js';
import { apiVersionMiddleware, networkErrorMiddleware } from './middleware.js';

/** An openapi-fetch client typed by the project service's paths. */
export type ProjectClient = Client<paths>;

export interface ProjectClientOptions {
  /**
   * Base URL of the LFX API, such as `https://api.lfx.dev`, without the service path:
   * operation paths start with `/projects`. An absolute http or https URL with no query
   * string, fragment or credentials.
   */
  baseUrl: string;
  /**
   * openapi-fetch middleware, run after the client's own, in this order for requests and in
   * reverse order for responses. Token exchange plugs in here, as
   * `tokenExchangeMiddleware(...)` from `@lfx/token-exchange`. Default: none.
   */
  middleware?: readonly Middleware[] | undefined;
  /** `fetch` implementation. Default: `globalThis.fetch`. */
  fetch?: ClientOptions['fetch'] | undefined;
  /** Headers sent with every request. Per-request headers and header parameters override them. */
  headers?: ClientOptions['headers'] | undefined;
}

/**
 * Creates a client for the LFX v2 project service.
 *
 * Every request carries `v=1` unless the call sets `params.query.v`. A request that gets no
 * response (a refused connection, a reset, an aborted or timed-out signal) rejects with a
 * `ProjectClientError` that names the method and path. Error statuses (400, 404, 409, 500,
 * 503) do not throw: the result's `error` contains the typed body.
 *
 * @throws {TypeError} when an option is missing or invalid; the message names it.
 */
export function createProjectClient(options: ProjectClientOptions): ProjectClient {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createProjectClient options must be an object with at least `baseUrl`, such as { baseUrl: "https://api.lfx.dev" }.');
  }

  const { baseUrl, middleware = [], fetch, headers } = options;
  const clientOptions: ClientOptions = { baseUrl: validateBaseUrl(baseUrl) };

  validateMiddleware(middleware);

  if (fetch !== undefined) {
    if (typeof fetch !== 'function') {
      throw new TypeError('`fetch` must be a function with the signature of globalThis.fetch, or left out to use globalThis.fetch.');
    }
    clientOptions.fetch = fetch;
  }

  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null) {
      throw new TypeError('`headers` must be a Headers object, an array of [name, value] pairs or a record of header values.');
    }
    clientOptions.headers = headers;
  }

  const client = createClient<paths>(clientOptions);

  // The network error middleware comes first so that its onError, which openapi-fetch runs in
  // reverse order, receives the error last. The version middleware replaces the Request, so it
  // must run before any middleware that keeps a reference to it, such as token exchange.
  client.use(networkErrorMiddleware, apiVersionMiddleware, ...middleware);
  return client;
}

function validateBaseUrl(baseUrl: unknown): string {
  if (baseUrl === undefined || baseUrl === '') {
    throw new TypeError('`baseUrl` is missing. Pass the base URL of the LFX API, such as "https://api.lfx.dev".');
  }

  const url = typeof baseUrl === 'string' && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  const isValid =
    url !== undefined &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '';

  if (!isValid) {
    throw new TypeError(
      '`baseUrl` must be an absolute http or https URL without a query string, fragment or credentials, such as "https://api.lfx.dev".',
    );
  }
  return baseUrl as string;
}

function validateMiddleware(middleware: unknown): asserts middleware is readonly Middleware[] {
  if (!Array.isArray(middleware)) {
    throw new TypeError('`middleware` must be an array of openapi-fetch middleware objects.');
  }

  middleware.forEach((entry: unknown, index) => {
    const hasHook =
      typeof entry === 'object' &&
      entry !== null &&
      ['onRequest', 'onResponse', 'onError'].some((hook) => typeof (entry as Record<string, unknown>)[hook] === 'function');
    if (!hasHook) {
      throw new TypeError(`\`middleware[${index}]\` must be an openapi-fetch middleware: an object with an onRequest, onResponse or onError function.`);
    }
  });
}
