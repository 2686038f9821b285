import { randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

import { CLIENT_ASSERTION_LIFETIME_SEC } from './constants.js';

export interface ClientAssertionOptions {
  /** `iss` and `sub` of the assertion. */
  clientId: string;
  /** `aud` of the assertion: the token endpoint URL, or the issuer identifier for servers that expect it. */
  audience: string;
  /** RSA private key, already imported. */
  privateKey: KeyObject;
  /** `kid` header, when the server needs it to find the client's key. */
  keyId?: string | undefined;
  /** Signing time in epoch milliseconds. Default: `Date.now()`. */
  nowMs?: number | undefined;
}

/**
 * Signs a client assertion JWT for `private_key_jwt` client authentication (RFC 7523 section 3).
 *
 * The header is `alg: RS256`, `typ: JWT` and `kid` when given. The claims are `iss` = `sub` =
 * client id, `aud`, `iat`, `exp` = `iat` + 60 s and a fresh `jti`, so that a server that
 * remembers `jti` values rejects a replay of the assertion.
 */
export function createClientAssertion(options: ClientAssertionOptions): Promise<string> {
  const issuedAtSec = Math.floor((options.nowMs ?? Date.now()) / 1000);

  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(options.keyId === undefined ? {} : { kid: options.keyId }) })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.audience)
    .setIssuedAt(issuedAtSec)
    .setExpirationTime(issuedAtSec + CLIENT_ASSERTION_LIFETIME_SEC)
    .setJti(generateJwtId())
    .sign(options.privateKey);
}

/**
 * Returns 256 random bits as base64url (43 characters). `crypto.randomUUID()` carries only
 * 122 random bits, fewer than the 128 that a replay-proof `jti` should have.
 */
export function generateJwtId(): string {
  return randomBytes(32).toString('base64url');
}
