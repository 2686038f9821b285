import { randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** The authorization server's signing key, shared by oidc-provider and the token-exchange grant. */
export interface TokenSigner {
  issuer: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
}

/** Signs an RFC 9068 JWT access token that expires `ttlSec` seconds from now. */
export function signAccessToken(signer: TokenSigner, claims: JWTPayload, ttlSec: number): Promise<string> {
  const nowSec = Math.floor(Date.now() / 1000);

  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: signer.kid })
    .setIssuer(signer.issuer)
    .setIssuedAt(nowSec)
    .setExpirationTime(nowSec + ttlSec)
    .setJti(randomBytes(16).toString('base64url'))
    .sign(signer.privateKey);
}

/**
 * Verifies a JWT that this server signed for `audience` (signature, `iss`, `aud`, `exp`) and
 * returns its claims. jose rejects every failure with a `JOSEError`.
 */
export async function verifyOwnToken(signer: TokenSigner, token: string, audience: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, signer.publicKey, {
    issuer: signer.issuer,
    audience,
    algorithms: ['RS256'],
  });
  return payload;
}
