import { describe, expect, it } from 'vitest';

import { TokenExchangeError } from '../src/errors.js';
import { processTokenResponse, type TokenGrant } from '../src/response.js';
import { captureThrow, leakScanner, scanForLeaksAfterAll } from './support/leak-scan.js';

const ACCESS_TOKEN = 'response-suite-access-token-0d4c';
leakScanner.addSecret(ACCESS_TOKEN);

scanForLeaksAfterAll();

function processError(status: number, body: unknown, grant: TokenGrant = 'token_exchange'): TokenExchangeError {
  const error = captureThrow(() => processTokenResponse({ status, body }, grant));
  expect(error).toBeInstanceOf(TokenExchangeError);
  return error as TokenExchangeError;
}

describe('processTokenResponse', () => {
  it('returns the known fields of a valid response', () => {
    const response = processTokenResponse(
      {
        status: 200,
        body: {
          access_token: ACCESS_TOKEN,
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: 3600,
          scope: 'read',
          refresh_token: 'refresh',
          id_token: 'ignored',
        },
      },
      'token_exchange',
    );

    expect(response).toEqual({
      access_token: ACCESS_TOKEN,
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'read',
      refresh_token: 'refresh',
    });
  });

  it.each([
    { given: 'bearer', grant: 'token_exchange', want: 'Bearer' },
    { given: 'BEARER', grant: 'client_credentials', want: 'Bearer' },
    { given: 'N_A', grant: 'token_exchange', want: 'N_A' },
    { given: 'n_a', grant: 'token_exchange', want: 'N_A' },
  ] as const)('normalises token_type $given for $grant', ({ given, grant, want }) => {
    const response = processTokenResponse({ status: 200, body: { access_token: ACCESS_TOKEN, token_type: given } }, grant);

    expect(response.token_type).toBe(want);
  });

  it.each([
    { given: 'N_A', grant: 'client_credentials', want: 'token_type must be Bearer' },
    { given: 'mac', grant: 'token_exchange', want: 'token_type must be Bearer or N_A' },
    { given: 7, grant: 'token_exchange', want: 'token_type must be a string' },
    { given: undefined, grant: 'token_exchange', want: 'token_type is missing' },
  ] as const)('rejects token_type $given for $grant', ({ given, grant, want }) => {
    const error = processError(200, { access_token: ACCESS_TOKEN, token_type: given }, grant);

    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain(want);
  });

  it.each([
    { given: 3600, want: 3600 },
    { given: '3600', want: 3600 },
    { given: '1', want: 1 },
    { given: undefined, want: undefined },
    { given: null, want: undefined },
  ])('accepts expires_in $given', ({ given, want }) => {
    const response = processTokenResponse(
      { status: 200, body: { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: given } },
      'token_exchange',
    );

    expect(response.expires_in).toBe(want);
  });

  it.each([-5, 0, 1.5, 'abc', '-5', '1e3', '36.5', '', ' 3600', true, [], {}, Number.POSITIVE_INFINITY, 2 ** 53, '0'])(
    'rejects expires_in %j',
    (given) => {
      const error = processError(200, { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: given });

      expect(error.code).toBe('invalid_response');
      expect(error.status).toBe(200);
      expect(error.message).toBe('Token endpoint returned an invalid response: expires_in must be a positive integer.');
    },
  );

  it.each([
    { given: undefined, want: 'access_token is missing' },
    { given: null, want: 'access_token is missing' },
    { given: '', want: 'access_token must not be empty' },
    { given: 42, want: 'access_token must be a string' },
  ])('rejects access_token $given', ({ given, want }) => {
    const error = processError(200, { access_token: given, token_type: 'Bearer' });

    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain(want);
  });

  it.each(['issued_token_type', 'scope', 'refresh_token'])('rejects a non-string %s', (field) => {
    const error = processError(200, { access_token: ACCESS_TOKEN, token_type: 'Bearer', [field]: 1 });

    expect(error.code).toBe('invalid_response');
    expect(error.message).toBe(`Token endpoint returned an invalid response: ${field} must be a string.`);
  });

  it.each([
    { given: undefined, want: 'body is not JSON' },
    { given: [ACCESS_TOKEN], want: 'body is not a JSON object' },
    { given: 'token', want: 'body is not a JSON object' },
    { given: null, want: 'body is not a JSON object' },
  ])('rejects a 200 body of $given', ({ given, want }) => {
    const error = processError(200, given);

    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain(want);
  });

  it('keeps the server error code and description', () => {
    const error = processError(400, { error: 'invalid_scope', error_description: 'scope x is unknown' });

    expect(error.code).toBe('invalid_scope');
    expect(error.status).toBe(400);
    expect(error.description).toBe('scope x is unknown');
    expect(error.cause).toBeUndefined();
  });

  it('ignores a non-string error_description', () => {
    const error = processError(400, { error: 'invalid_request', error_description: { nested: true } });

    expect(error.description).toBeUndefined();
    expect(error.message).toBe('Token endpoint returned HTTP 400 with OAuth error "invalid_request"');
  });

  it('shortens a long description in the message only', () => {
    const description = 'x'.repeat(500);

    const error = processError(400, { error: 'invalid_request', error_description: description });

    expect(error.description).toBe(description);
    expect(error.message).toContain(`"${'x'.repeat(200)}…"`);
    expect(error.message).not.toContain('x'.repeat(201));
  });

  it('reports a non-2xx body without error as http_error', () => {
    const error = processError(404, { message: 'not found' });

    expect(error.code).toBe('http_error');
    expect(error.status).toBe(404);
  });

  it('reports a non-string error as http_error', () => {
    const error = processError(500, { error: 500 });

    expect(error.code).toBe('http_error');
  });

  it('redacts request credentials from server strings', () => {
    const error = captureThrow(() =>
      processTokenResponse(
        { status: 400, body: { error: 'invalid_grant', error_description: 'token s3cr3t-subject is bad' } },
        'token_exchange',
        ['s3cr3t-subject'],
      ),
    );

    expect((error as TokenExchangeError).description).toBe('token [redacted] is bad');
    expect((error as Error).message).not.toContain('s3cr3t-subject');
  });
});
