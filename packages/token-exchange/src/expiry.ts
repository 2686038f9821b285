/**
 * Computes the instant, in ms since the epoch, from which the cache must stop serving a
 * token, or returns `undefined` when the token must not be cached at all.
 *
 * The lifetime is `expiresInSeconds` when it is a positive finite number, and otherwise runs
 * from `issuedAtMs` (when the request started, so the token was issued no earlier) to
 * `accessTokenExpiryMs`, the `exp` of the issued token. The token is served until
 * `expiryBufferMs` before it expires. A lifetime that is not longer than the buffer is served
 * for half of itself instead, so a short-lived token is still reused but never served negative
 * or unbounded time. The result is never later than `subjectExpiryMs`.
 */
export function computeServeUntilMs(
  issuedAtMs: number,
  expiresInSeconds: number | undefined,
  accessTokenExpiryMs: number | undefined,
  subjectExpiryMs: number | undefined,
  expiryBufferMs: number,
): number | undefined {
  const lifetimeMs =
    Number.isFinite(expiresInSeconds) && (expiresInSeconds as number) > 0
      ? (expiresInSeconds as number) * 1000
      : (accessTokenExpiryMs ?? NaN) - issuedAtMs;
  if (!(lifetimeMs > 0)) {
    return undefined;
  }

  const servedMs = lifetimeMs > expiryBufferMs ? lifetimeMs - expiryBufferMs : lifetimeMs / 2;
  const serveUntilMs = Math.min(issuedAtMs + servedMs, subjectExpiryMs ?? Infinity);
  return Number.isFinite(serveUntilMs) ? serveUntilMs : undefined;
}
