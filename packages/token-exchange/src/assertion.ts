import { createPrivateKey, KeyObject, randomBytes, sign } from 'node:crypto';
import { promisify } from 'node:util';

import { checkOption } from './check.js';
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
 *
 * node:crypto signs the compact JWS (RFC 7515 section 7.1) on libuv's thread pool with the
 * `KeyObject` parsed at construction. It needs no per-call key conversion and less JavaScript
 * per signature than WebCrypto.
 */
export async function createClientAssertion(options: ClientAssertionOptions): Promise<string> {
  const issuedAtSec = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: options.keyId };
  const claims = {
    iss: options.clientId,
    sub: options.clientId,
    aud: options.audience,
    iat: issuedAtSec,
    exp: issuedAtSec + CLIENT_ASSERTION_LIFETIME_SEC,
    jti: generateJwtId(),
  };

  // JSON.stringify leaves out `kid` when it is undefined.
  const signingInput = `${encodeJson(header)}.${encodeJson(claims)}`;
  // RSASSA-PKCS1-v1_5, the default padding for an RSA key, with SHA-256 is RS256 (RFC 7518 section 3.3).
  const signature = await signAsync('sha256', Buffer.from(signingInput), options.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/**
 * Returns 256 random bits as base64url (43 characters). `crypto.randomUUID()` carries only
 * 122 random bits, fewer than the 128 that a replay-proof `jti` should have.
 */
export function generateJwtId(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Parses `config.clientAssertionSigningKey` once, so that no request pays for it and a bad key fails at start-up.
 *
 * @throws TypeError naming the option unless the key is an RSA private key of at least 2048 bits.
 */
export function importSigningKey(key: string | KeyObject): KeyObject {
  let privateKey: unknown = key;
  if (typeof key === 'string') {
    try {
      privateKey = createPrivateKey(key);
    } catch {
      // The OpenSSL error adds nothing that helps the caller, so it is dropped rather than risk
      // carrying key text in a cause. A public key, a certificate or an encrypted key fails here too.
      privateKey = undefined;
    }
  }

  // RS256 needs an RSA key, and RFC 7518 section 3.3 requires at least 2048 bits.
  checkOption(
    privateKey instanceof KeyObject &&
      privateKey.type === 'private' &&
      privateKey.asymmetricKeyType === 'rsa' &&
      (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048,
    'config.clientAssertionSigningKey',
    'must be an RSA private key of at least 2048 bits, as an unencrypted PEM string or a KeyObject',
  );

  return privateKey;
}

const signAsync = promisify(sign);

function encodeJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
