import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
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

/** The size of an RSA key or the curve of an EC key for {@link generateKeyObjects}. */
export type KeySpec = { type: 'rsa'; modulusLength: number } | { type: 'ec'; namedCurve: string };

export interface KeyObjectPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * Generates a key pair whose key objects are safe to export in any format.
 *
 * On Node.js 20, exporting a key object that came straight from `generateKeyPair(Sync)` can
 * deadlock the process: the export locks the key, and a garbage collection during the export
 * destroys the finished generation job, which waits for the same lock. So the key pair is
 * generated as PEM and parsed again, which gives key objects that no generation job shares.
 */
export function generateKeyObjects(spec: KeySpec): KeyObjectPair {
  const publicKeyEncoding = { type: 'spki', format: 'pem' } as const;
  const privateKeyEncoding = { type: 'pkcs8', format: 'pem' } as const;
  const pems =
    spec.type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: spec.modulusLength, publicKeyEncoding, privateKeyEncoding })
      : generateKeyPairSync('ec', { namedCurve: spec.namedCurve, publicKeyEncoding, privateKeyEncoding });

  return { privateKey: createPrivateKey(pems.privateKey), publicKey: createPublicKey(pems.publicKey) };
}

/**
 * Generates a 2048-bit RSA key pair for RS256 signatures.
 *
 * @param kid key id for the JWKs; a random base64url string when omitted.
 */
export function generateRsaKeyPair(kid: string = randomBytes(12).toString('base64url')): RsaKeyPair {
  const { privateKey, publicKey } = generateKeyObjects({ type: 'rsa', modulusLength: 2048 });
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
