import { MAX_RESPONSE_BYTES } from './constants.js';
import { TokenExchangeError } from './errors.js';
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
  const { signal: callerSignal } = request;
  if (callerSignal?.aborted) {
    throw abortedError(callerSignal, request.secrets);
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const abort = (): void => controller.abort();
  callerSignal?.addEventListener('abort', abort, { once: true });

  try {
    // A custom fetch may ignore the signal, so the race makes the limit hold anyway.
    return await raceAbort(send(request, controller.signal), controller.signal);
  } catch (error) {
    if (callerSignal?.aborted) {
      throw abortedError(callerSignal, request.secrets);
    }
    if (timedOut) {
      throw new TokenExchangeError(
        `Token request timed out after ${request.timeoutMs} ms. Check that the token endpoint is reachable, or raise timeoutMs.`,
        { code: 'timeout' },
      );
    }
    if (error instanceof TokenExchangeError) {
      throw error;
    }
    throw new TokenExchangeError(
      'Token request failed before a complete response arrived. Check that the token endpoint is reachable.',
      { code: 'network_error', cause: sanitizeCause(error, request.secrets) },
    );
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
  return { status: response.status, body: parseJson(bytes) };
}

/** Reads the body up to `maxBytes` and cancels the stream as soon as the limit is passed. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (): TokenExchangeError =>
    new TokenExchangeError(`Token endpoint response body exceeds the ${maxBytes}-byte limit.`, {
      code: 'response_too_large',
      status: response.status,
    });

  const declaredLength = Number(response.headers.get('content-length'));
  if (declaredLength > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }

  if (response.body === null) {
    return new Uint8Array(0);
  }

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }

    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling makes undici close the connection instead of draining the rest of the body.
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }

  return Buffer.concat(chunks);
}

function parseJson(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) {
    return undefined;
  }

  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('request aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function abortedError(signal: AbortSignal, secrets: readonly string[]): TokenExchangeError {
  return new TokenExchangeError("Token request was aborted by the caller's signal.", {
    code: 'aborted',
    cause: signal.reason === undefined ? undefined : sanitizeCause(signal.reason, secrets),
  });
}
