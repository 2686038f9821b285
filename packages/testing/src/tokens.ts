import { randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** The authorization server's signing identity and clock, shared by everything that signs or checks its tokens. */
export interface TokenSigner {
  issuer: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  /** Current time in epoch milliseconds. */
  nowMs: () => number;
}

/**
 * Signs a JWT access token (RFC 9068 profile: `typ: at+jwt`, RS256) with the server's key.
 *
 * `iss`, `iat`, `exp` and `jti` are set here. Entries of `claims` override them, so a test can
 * forge a wrong issuer with the right key.
 */
export async function signAccessToken(
  signer: TokenSigner,
  claims: JWTPayload,
  expiresInSec: number,
): Promise<string> {
  const issuedAtSec = Math.floor(signer.nowMs() / 1000);
  const payload: JWTPayload = {
    iss: signer.issuer,
    iat: issuedAtSec,
    exp: issuedAtSec + expiresInSec,
    jti: randomBytes(16).toString('base64url'),
    ...claims,
  };

  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: signer.kid })
    .sign(signer.privateKey);
}

/**
 * Verifies a token that this server signed: RS256 signature with its key, `iss`, `exp` and
 * `nbf` against the server's clock with no tolerance, and a non-empty `sub`.
 *
 * @throws the `jose` error for a bad signature or claim, or an `Error` when `sub` is missing.
 */
export async function verifyOwnToken(signer: TokenSigner, token: string): Promise<JWTPayload & { sub: string }> {
  const { payload } = await jwtVerify(token, signer.publicKey, {
    algorithms: ['RS256'],
    issuer: signer.issuer,
    currentDate: new Date(signer.nowMs()),
  });

  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new Error('the token has no sub claim');
  }

  return { ...payload, sub: payload.sub };
}
