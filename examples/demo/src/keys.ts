import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Generates a 2048-bit RSA key pair whose key objects are safe to export.
 *
 * On Node.js 20, exporting a key object that came straight from `generateKeyPairSync` can
 * deadlock: the export locks the key, and a garbage collection during the export destroys the
 * finished generation job, which waits for the same lock. Generating PEM and parsing it again
 * gives key objects that no generation job shares.
 */
export function generateRsaKeyObjects(): { privateKey: KeyObject; publicKey: KeyObject } {
  const pems = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

  return { privateKey: createPrivateKey(pems.privateKey), publicKey: createPublicKey(pems.publicKey) };
}
