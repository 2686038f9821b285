import { createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateRsaKeyPair } from '@lfx/testing';

import { createClientAssertion, generateJwtId } from '../src/assertion.js';

const keys = generateRsaKeyPair('assertion-key');
const privateKey = createPrivateKey(keys.privateKeyPkcs8Pem);
const publicKey = createPublicKey(keys.publicKeyPem);
const NOW_MS = 1_767_225_600_500;
const NOW_SEC = 1_767_225_600;

describe('createClientAssertion', () => {
  it('signs the RFC 7523 claims', async () => {
    const assertion = await createClientAssertion({
      clientId: 'lfx-mcp',
      audience: 'https://auth.lfx.test/oauth/token',
      privateKey,
      nowMs: NOW_MS,
    });

    const { payload, protectedHeader } = await jwtVerify(assertion, publicKey, {
      algorithms: ['RS256'],
      currentDate: new Date(NOW_MS),
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload.iss).toBe('lfx-mcp');
    expect(payload.sub).toBe('lfx-mcp');
    expect(payload.aud).toBe('https://auth.lfx.test/oauth/token');
    expect(payload.iat).toBe(NOW_SEC);
    expect(payload.exp).toBe(NOW_SEC + 60);
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'sub']);
  });

  it('sets kid when a key id is given', async () => {
    const assertion = await createClientAssertion({
      clientId: 'lfx-mcp',
      audience: 'https://auth.lfx.test/',
      privateKey,
      keyId: 'key-2026-01',
      nowMs: NOW_MS,
    });

    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-2026-01' });
  });

  it('uses a new jti for each assertion at the same instant', async () => {
    const options = { clientId: 'lfx-mcp', audience: 'https://auth.lfx.test/', privateKey, nowMs: NOW_MS };

    const assertions = await Promise.all(Array.from({ length: 20 }, () => createClientAssertion(options)));

    const ids = new Set(assertions.map((assertion) => decodeJwt(assertion).jti));
    expect(ids.size).toBe(20);
  });
});

describe('generateJwtId', () => {
  it('encodes 256 random bits as base64url', () => {
    const id = generateJwtId();

    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
  });

  it('repeats no value in 10,000 calls', () => {
    const ids = new Set(Array.from({ length: 10_000 }, generateJwtId));

    expect(ids.size).toBe(10_000);
  });
});
