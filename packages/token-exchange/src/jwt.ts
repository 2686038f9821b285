import { decodeJwt, type JWTPayload } from 'jose';

/**
 * Decodes the claims of a compact JWS without verifying its signature, or returns
 * `undefined` when the token is not a JWT. Callers use the claims only to shorten a cache
 * lifetime or to route a token, never to grant access.
 */
function readUnverifiedClaims(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    // Opaque tokens are valid subject and access tokens, so a token that is not a JWT is not an error.
    return undefined;
  }
}

/** Returns the token's `exp` claim in milliseconds since the epoch, or `undefined` when it is missing, not a finite number or the token is not a JWT. */
export function readExpiryMs(token: string): number | undefined {
  const exp = readUnverifiedClaims(token)?.exp;
  return Number.isFinite(exp) ? (exp as number) * 1000 : undefined;
}

/**
 * Returns whether the token is a JWT whose `sub` ends in `@clients`, the form Auth0 gives
 * to tokens issued through the client credentials grant. The claims are not verified.
 */
export function isClientCredentialsToken(token: string): boolean {
  const subject = readUnverifiedClaims(token)?.sub;
  return typeof subject === 'string' && subject.endsWith('@clients');
}
