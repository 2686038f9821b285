import type { ClientOptions, Middleware } from 'openapi-fetch';

import type { FetchFunction } from './network-errors.js';

export interface ProjectClientOptions {
  /**
   * Base URL of the LFX API, such as `https://api.lfx.dev`, without the service path:
   * operation paths start with `/projects`. A string or a `URL`: an absolute `https:` URL, or
   * `http:` on a loopback host (127.0.0.0/8, `[::1]`, `localhost`), with no query string,
   * fragment or credentials.
   */
  baseUrl: string | URL;
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
  /**
   * Allows an `http:` `baseUrl` on a host other than loopback, which sends the bearer tokens
   * of every request in clear text. Default: `false`.
   */
  allowInsecureRequests?: boolean | undefined;
}

/** The options of {@link ProjectClientOptions} after validation, with their defaults applied. */
export interface ResolvedOptions {
  /** The normalized base URL: origin and path, without a query string or fragment. */
  baseUrl: string;
  middleware: readonly Middleware[];
  fetch: FetchFunction;
  headers: ClientOptions['headers'] | undefined;
}

const EXAMPLE_BASE_URL = '"https://api.lfx.dev"';

/**
 * Validates the options of `createProjectClient` and applies their defaults.
 *
 * @throws {TypeError} when an option is missing or invalid; the message names it.
 */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`createProjectClient options must be an object with at least \`baseUrl\`, such as { baseUrl: ${EXAMPLE_BASE_URL} }.`);
  }

  const { baseUrl, middleware = [], fetch, headers, allowInsecureRequests = false } = options as ProjectClientOptions;

  if (typeof allowInsecureRequests !== 'boolean') {
    throw new TypeError('`allowInsecureRequests` must be a boolean when set.');
  }

  const resolvedBaseUrl = resolveBaseUrl(baseUrl, allowInsecureRequests);

  validateMiddleware(middleware);

  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new TypeError('`fetch` must be a function with the signature of globalThis.fetch, or left out to use globalThis.fetch.');
  }

  if (headers !== undefined && (typeof headers !== 'object' || headers === null)) {
    throw new TypeError('`headers` must be a Headers object, an array of [name, value] pairs or a record of header values.');
  }

  return {
    baseUrl: resolvedBaseUrl,
    middleware,
    fetch: fetch ?? globalThis.fetch,
    headers,
  };
}

function resolveBaseUrl(baseUrl: unknown, allowInsecureRequests: boolean): string {
  if (baseUrl === undefined || baseUrl === '') {
    throw new TypeError(`\`baseUrl\` is missing. Pass the base URL of the LFX API, such as ${EXAMPLE_BASE_URL}.`);
  }

  let text: string;
  if (baseUrl instanceof URL) {
    text = baseUrl.href;
  } else if (typeof baseUrl === 'string') {
    text = baseUrl;
  } else {
    throw new TypeError(`\`baseUrl\` must be a string or a URL, such as ${EXAMPLE_BASE_URL}.`);
  }

  const url = URL.canParse(text) ? new URL(text) : undefined;
  const isValid =
    url !== undefined &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '';

  if (!isValid) {
    throw new TypeError(
      `\`baseUrl\` must be an absolute http or https URL without a query string, fragment or credentials, such as ${EXAMPLE_BASE_URL}.`,
    );
  }

  if (url.protocol === 'http:' && !allowInsecureRequests && !isLoopbackHost(url.hostname)) {
    throw new TypeError(
      '`baseUrl` uses http: on a host other than loopback, which would send bearer tokens in clear text. ' +
        'Use https:, or set `allowInsecureRequests: true` to allow it (http: needs no option on 127.0.0.0/8, [::1] and localhost).',
    );
  }

  // openapi-fetch appends each operation path, which starts with /projects, to the base URL.
  if (/\/projects\/*$/.test(url.pathname)) {
    throw new TypeError(
      `\`baseUrl\` ends in /projects, but every operation path already starts with /projects. Pass the API base without the service path, such as ${EXAMPLE_BASE_URL}.`,
    );
  }

  // An empty "?" or "#" leaves `search` and `hash` empty but stays in the text, so rebuild it.
  return `${url.origin}${url.pathname}`;
}

/** Returns whether `hostname`, as `URL.hostname` gives it, is in 127.0.0.0/8, `[::1]` or `localhost`. */
function isLoopbackHost(hostname: string): boolean {
  // The WHATWG URL parser has already normalized forms such as 127.1 and [0:0::1].
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
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
