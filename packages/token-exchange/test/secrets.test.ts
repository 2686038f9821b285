import { describe, expect, it } from 'vitest';

import { TokenExchangeError } from '../src/errors.js';
import { sanitizeCause } from '../src/sanitize.js';
import { LeakScanner } from './support/leak-scan.js';

const SECRET = 'hunter2-client-secret-value';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImp0aSI6IjEyMzQ1In0.c2lnbmF0dXJlLWJ5dGVzLW9mLXRoZS1hc3NlcnRpb24';

/** Returns a scanner that contains the suite's two credentials and `error`. */
function scannerWith(error: unknown): LeakScanner {
  const scanner = new LeakScanner();
  scanner.addSecret(SECRET);
  scanner.addSecret(JWT);
  scanner.addError(error);
  return scanner;
}

describe('LeakScanner', () => {
  it('passes an error without credentials', () => {
    const error = new TokenExchangeError('Token endpoint returned HTTP 400', { code: 'invalid_grant', status: 400 });

    expect(scannerWith(error).findLeaks()).toEqual([]);
  });

  it.each([
    { given: 'the message', error: () => new Error(`bad secret ${SECRET}`) },
    { given: 'the description', error: () => new TokenExchangeError('x', { code: 'invalid_grant', description: SECRET }) },
    { given: 'an enumerable property', error: () => Object.assign(new Error('x'), { request: { body: `client_secret=${SECRET}` } }) },
    {
      given: 'a non-enumerable property',
      error: () => Object.defineProperty(new Error('x'), 'response', { value: { token: SECRET }, enumerable: false }),
    },
    { given: 'a symbol property', error: () => Object.assign(new Error('x'), { [Symbol('body')]: SECRET }) },
    { given: 'a nested cause', error: () => new Error('x', { cause: new Error('y', { cause: { body: SECRET } }) }) },
    { given: 'a truncated JWT', error: () => new Error(`assertion ${JWT.slice(0, -10)}`) },
    { given: 'a JWT signature alone', error: () => new Error(`signature ${JWT.split('.')[2] ?? ''}`) },
    { given: 'a plain object', error: () => ({ message: SECRET }) },
  ])('finds a credential in $given', ({ error }) => {
    const leaks = scannerWith(error()).findLeaks();

    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks.join('\n')).not.toContain(SECRET);
  });
});

describe('sanitizeCause', () => {
  it('drops the properties of a fetch error', () => {
    const original = Object.assign(new TypeError('fetch failed'), {
      request: { body: `client_secret=${SECRET}` },
      cause: Object.assign(new Error(`socket closed after ${JWT}`), { code: 'UND_ERR_SOCKET', socket: { localPort: 1 } }),
    });

    const copy = sanitizeCause(original, [SECRET, JWT]);

    expect(scannerWith(copy).findLeaks()).toEqual([]);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('fetch failed');
    expect((copy.cause as Error).message).toBe('socket closed after [redacted]');
    expect((copy.cause as { code?: string }).code).toBe('UND_ERR_SOCKET');
    expect(Object.keys(copy.cause as object)).toEqual(['code']);
  });

  it('stops after three levels of cause', () => {
    const chain = new Error('1', { cause: new Error('2', { cause: new Error('3', { cause: new Error('4') }) }) });

    const copy = sanitizeCause(chain, []);

    const third = (copy.cause as Error).cause as Error;
    expect(third.message).toBe('3');
    expect(third.cause).toBeUndefined();
  });

  it('describes a non-error value by type only', () => {
    expect(sanitizeCause(SECRET, [SECRET]).message).toBe('non-error value of type string');
  });
});
