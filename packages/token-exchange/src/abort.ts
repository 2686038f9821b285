import { TokenExchangeError } from './errors.js';
import { sanitizeCause } from './sanitize.js';

/**
 * Returns the error for a caller whose `signal` fired, with the signal's reason as the `cause`:
 * code `timeout` when the reason is a `TimeoutError` (as from `AbortSignal.timeout()`), otherwise
 * `aborted`. Given `secrets`, the reason is copied by {@link sanitizeCause} with them redacted,
 * because a reason raised during a request may hold request data. Without, it is passed as it is.
 */
export function abortedError(signal: AbortSignal, secrets?: readonly string[]): TokenExchangeError {
  const timedOut = (signal.reason as Error | undefined)?.name === 'TimeoutError';
  return new TokenExchangeError(`Token request ${timedOut ? 'timed out' : 'was aborted'} by the caller's signal.`, {
    code: timedOut ? 'timeout' : 'aborted',
    cause: secrets === undefined ? signal.reason : sanitizeCause(signal.reason, secrets),
  });
}

/**
 * Settles like `promise`, or rejects with `abortError()` as soon as `signal` fires, whichever
 * comes first. The listener is removed once `promise` settles.
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal, abortError: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
