/** The parts of a token endpoint response that decide how long the cache may serve it. */
export interface ExpiryInput {
  /** When the exchange request started, in ms since the epoch. The token was issued no earlier. */
  issuedAtMs: number;
  /** `expires_in` of the response, in seconds, when it is a positive finite number. */
  expiresInSeconds: number | undefined;
  /** `exp` of the issued access token in ms, used only when `expiresInSeconds` is missing. */
  accessTokenExpiryMs: number | undefined;
  /** `exp` of the subject token in ms. The cached token is never served at or past it. */
  subjectExpiryMs: number | undefined;
  /** How long before the token's expiry the cache stops serving it, in ms. */
  expiryBufferMs: number;
}

/**
 * Computes the instant, in ms since the epoch, from which the cache must stop serving a
 * token, or returns `undefined` when the token must not be cached at all.
 *
 * The token is served until `expiryBufferMs` before it expires. A lifetime that is not
 * longer than the buffer is served for half of itself instead, so a short-lived token is
 * still reused but never served negative or unbounded time.
 */
export function computeServeUntilMs(input: ExpiryInput): number | undefined {
  const lifetimeMs = readLifetimeMs(input);
  if (lifetimeMs === undefined || lifetimeMs <= 0) {
    return undefined;
  }

  const servedMs = lifetimeMs > input.expiryBufferMs ? lifetimeMs - input.expiryBufferMs : lifetimeMs / 2;
  let serveUntilMs = input.issuedAtMs + servedMs;
  if (input.subjectExpiryMs !== undefined) {
    serveUntilMs = Math.min(serveUntilMs, input.subjectExpiryMs);
  }

  return Number.isFinite(serveUntilMs) ? serveUntilMs : undefined;
}

function readLifetimeMs(input: ExpiryInput): number | undefined {
  const { expiresInSeconds } = input;
  if (typeof expiresInSeconds === 'number' && Number.isFinite(expiresInSeconds) && expiresInSeconds > 0) {
    return expiresInSeconds * 1000;
  }

  if (input.accessTokenExpiryMs !== undefined) {
    return input.accessTokenExpiryMs - input.issuedAtMs;
  }

  return undefined;
}
