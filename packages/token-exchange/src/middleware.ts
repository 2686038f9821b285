import type { Middleware } from 'openapi-fetch';
import type { TokenCache } from './cache.js';
import { checkOption, isNonBlankString, isObject } from './check.js';
import { TokenExchangeError } from './errors.js';

export interface TokenExchangeMiddlewareOptions {
  /** Cache that returns the access token for each request's subject token. */
  cache: Pick<TokenCache, 'getToken' | 'delete'>;
  /**
   * Returns the access token of the caller the current request is made for, such as the
   * bearer token of the incoming MCP request, or `undefined` when there is none.
   */
  subjectToken: () => string | undefined;
}

/** State kept for each sent request, to replay it after a 401. */
interface SentRequest {
  readonly subjectToken: string;
  readonly accessToken: string;
  /** Unsent copy of a request with a body, because sending consumes the original body. */
  readonly bodyCopy: Request | undefined;
}

/**
 * Creates an openapi-fetch middleware that sets `Authorization: Bearer <access token>` from
 * the cache on every request.
 *
 * When the API responds 401, the middleware removes the cached token, gets a new one and
 * sends the request once more with the client's `fetch`, outside the middleware chain, so it
 * never loops. A second 401 is returned as it is. Requests with a body are copied with
 * `Request.clone()` before they are sent, which buffers the body in memory until the response.
 * Register it after any middleware that replaces the `Request`, because it replays only the
 * request that it saw last.
 *
 * @throws {TypeError} when an option is missing; the message names it.
 */
export function tokenExchangeMiddleware(options: TokenExchangeMiddlewareOptions): Middleware {
  checkOption(isObject(options), 'tokenExchangeMiddleware options', 'must be an object');

  const { cache, subjectToken } = options;
  checkOption(isObject(cache) && typeof cache.getToken === 'function' && typeof cache.delete === 'function', '`cache`', 'must be a TokenCache');

  checkOption(typeof subjectToken === 'function', '`subjectToken`', 'must be a function');

  const sentRequests = new WeakMap<Request, SentRequest>();

  return {
    async onRequest({ request }) {
      const subject = subjectToken();
      if (!isNonBlankString(subject)) {
        throw new TokenExchangeError("`subjectToken` returned no token: make it return the caller's access token.", {
          code: 'missing_subject_token',
        });
      }

      const accessToken = await cache.getToken(subject, { signal: request.signal });
      request.headers.set('Authorization', `Bearer ${accessToken}`);
      sentRequests.set(request, {
        subjectToken: subject,
        accessToken,
        bodyCopy: request.body === null ? undefined : request.clone(),
      });
      return undefined;
    },

    onResponse({ request, response, options: clientOptions }) {
      // Only a 401 needs work, so other responses return before any promise or map access.
      if (response.status !== 401) {
        return undefined;
      }

      const sent = sentRequests.get(request);
      if (sent === undefined) {
        return undefined;
      }

      sentRequests.delete(request);
      return retryWithNewToken(cache, sent, request, response, clientOptions.fetch);
    },
  };
}

async function retryWithNewToken(
  cache: TokenExchangeMiddlewareOptions['cache'],
  sent: SentRequest,
  request: Request,
  response: Response,
  fetch: (input: Request) => Promise<Response>,
): Promise<Response> {
  // The 401 body is never read, so cancelling it lets the connection be reused.
  response.body?.cancel().catch(() => undefined);

  cache.delete(sent.subjectToken, { expectedAccessToken: sent.accessToken });
  const accessToken = await cache.getToken(sent.subjectToken, { signal: request.signal });

  // The new Request copies the headers that the first attempt was sent with, Authorization included.
  const retry = new Request(sent.bodyCopy ?? request);
  retry.headers.set('Authorization', `Bearer ${accessToken}`);
  // NOTE: openapi-fetch passes `requestInitExt` to its own fetch call but not to middleware, so the retry is sent without it.
  return fetch(retry);
}
