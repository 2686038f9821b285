import { MAX_RESPONSE_BYTES } from './constants.js';
import { TokenExchangeError } from './errors.js';
import { abortedError, raceSignal } from './abort.js';
import { sanitizeCause } from './sanitize.js';

export interface TokenRequest {
  tokenEndpoint: string;
  /** The grant's parameters and client authentication, sent as `application/x-www-form-urlencoded`. */
  form: URLSearchParams;
  fetch: typeof fetch;
  /** Limit for the whole request, response body included, in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Credentials in this request, redacted from every error cause. */
  secrets: readonly string[];
  /** Largest response body read, in bytes. Default: {@link MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number | undefined;
}

/** A token-endpoint response before validation. */
export interface RawTokenResponse {
  status: number;
  /** The body parsed as JSON, or `undefined` when it is empty, not UTF-8 or not JSON. */
  body: unknown;
}

/**
 * Sends one token request and reads the response, with no judgement of its status or fields.
 *
 * Redirects are not followed, because following one would resend the credentials to another URL.
 *
 * @throws TokenExchangeError `aborted` when `signal` fires, `timeout` after `timeoutMs`,
 *   `response_too_large` when the body passes `maxResponseBytes` (reading stops there), and
 *   `network_error` when no complete response arrives.
 */
export async function requestToken(request: TokenRequest): Promise<RawTokenResponse> {
  const { signal: callerSignal, secrets, timeoutMs } = request;
  if (callerSignal?.aborted) {
    throw abortedError(callerSignal, secrets);
  }

  // The controller's abort reason is the error to throw, so whichever of the timer and the caller fires first decides it.
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new TokenExchangeError(`Token request timed out after ${timeoutMs} ms: check the token endpoint or raise timeoutMs.`, {
        code: 'timeout',
      }),
    );
  }, timeoutMs);
  const abort = (): void => controller.abort(abortedError(callerSignal as AbortSignal, secrets));
  callerSignal?.addEventListener('abort', abort, { once: true });

  try {
    // A custom fetch may ignore the signal, so the race makes the limit hold anyway.
    return await raceSignal(send(request, controller.signal), controller.signal, () => controller.signal.reason);
  } catch (error) {
    if (error instanceof TokenExchangeError) {
      throw error;
    }
    throw new TokenExchangeError('Token request failed: check the token endpoint.', {
      code: 'network_error',
      cause: sanitizeCause(error, secrets),
    });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', abort);
  }
}

async function send(request: TokenRequest, signal: AbortSignal): Promise<RawTokenResponse> {
  const response = await request.fetch(request.tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      accept: 'application/json',
    },
    body: request.form.toString(),
    redirect: 'manual',
    signal,
  });

  const bytes = await readBody(response, request.maxResponseBytes ?? MAX_RESPONSE_BYTES);
  let body: unknown;
  try {
    // An empty body fails to parse as well, so it also becomes undefined.
    body = JSON.parse(utf8.decode(bytes));
  } catch {
    // The caller decides what a body that is not JSON means for the status.
  }

  return { status: response.status, body };
}

/** Strict UTF-8 decoder, shared because `decode` without `stream` keeps no state between calls. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the body up to `maxBytes` and cancels the stream as soon as the limit is passed. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (): TokenExchangeError =>
    new TokenExchangeError(`Token endpoint response body exceeds the ${maxBytes}-byte limit.`, {
      code: 'response_too_large',
      status: response.status,
    });

  // A declared length over the limit fails before any byte is read. Without one, the bytes read are counted.
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early cancels the stream, so undici closes the connection instead of draining the rest of the body.
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw tooLarge();
    }
    chunks.push(chunk);
  }

  return Buffer.concat(chunks);
}
