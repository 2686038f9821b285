import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';

/** An RSA key pair in the encodings that clients and authorization servers exchange. */
export interface RsaKeyPair {
  /** Key id, also set as `kid` on {@link publicJwk} and {@link privateJwk}. */
  kid: string;
  /** Private key as PEM, PKCS#8 (`-----BEGIN PRIVATE KEY-----`). */
  privateKeyPkcs8Pem: string;
  /** The same private key as PEM, PKCS#1 (`-----BEGIN RSA PRIVATE KEY-----`). */
  privateKeyPkcs1Pem: string;
  /** Public key as PEM, SPKI (`-----BEGIN PUBLIC KEY-----`). */
  publicKeyPem: string;
  /** Public key as a JWK with `kid`, `alg: RS256` and `use: sig`, ready for a client's JWKS. */
  publicJwk: JWK;
  /** Private key as a JWK with the same `kid`, `alg` and `use`. */
  privateJwk: JWK;
}

/**
 * Generates a 2048-bit RSA key pair for RS256 signatures.
 *
 * @param kid key id for the JWKs; a random base64url string when omitted.
 */
export function generateRsaKeyPair(kid: string = randomBytes(12).toString('base64url')): RsaKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyParameters = { kid, alg: 'RS256', use: 'sig' };

  return {
    kid,
    privateKeyPkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    privateKeyPkcs1Pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), ...keyParameters },
    privateJwk: { ...(privateKey.export({ format: 'jwk' }) as JWK), ...keyParameters },
  };
}
