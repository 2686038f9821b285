import { TokenExchangeError } from './errors.js';
import type { RawTokenResponse } from './http.js';
import { redact } from './sanitize.js';

/**
 * A successful token response, RFC 8693 section 2.2.1 (token exchange) and RFC 6749 section 5.1
 * (client credentials), after validation.
 */
export interface TokenExchangeResponse {
  /** The issued token. Never empty. */
  access_token: string;
  /** Token type identifier of `access_token`, such as {@link TOKEN_TYPE_ACCESS_TOKEN}. */
  issued_token_type?: string;
  /** `Bearer`, or `N_A` for an exchanged token that is not an access token; normalised to these spellings. */
  token_type: string;
  /** Lifetime of `access_token` in seconds, a positive integer. Absent when the server sent none. */
  expires_in?: number;
  scope?: string;
  refresh_token?: string;
}

/** The grant whose rules a response is held to. */
export type TokenGrant = 'token_exchange' | 'client_credentials';

/** Maximum length of a server string in an error message. `description` keeps the whole string. */
const MAX_MESSAGE_STRING_LENGTH = 200;

/**
 * Validates a token-endpoint response and returns its fields.
 *
 * An RFC 6749 section 5.2 error body is an error whatever the HTTP status. A JSON `null`
 * counts as absent for the optional fields.
 *
 * @param secrets credentials of the request, redacted from `description` in case the server echoes one.
 * @throws TokenExchangeError with the server's `error` as `code` for an OAuth error body.
 * @throws TokenExchangeError `http_error` for any other non-2xx response.
 * @throws TokenExchangeError `invalid_response` for a 2xx body that is not JSON or breaks a field rule.
 */
export function processTokenResponse(
  raw: RawTokenResponse,
  grant: TokenGrant,
  secrets: readonly string[] = [],
): TokenExchangeResponse {
  const { status, body } = raw;
  const fields = isJsonObject(body) ? body : undefined;

  if (fields !== undefined && typeof fields.error === 'string' && fields.error !== '') {
    throw oauthError(status, fields, secrets);
  }

  if (status < 200 || status > 299) {
    throw new TokenExchangeError(
      `Token endpoint returned HTTP ${status} without an OAuth error body. Check tokenEndpoint and the authorization server's health.`,
      { code: 'http_error', status },
    );
  }

  if (fields === undefined) {
    throw invalidResponse(status, 'body', body === undefined ? 'is not JSON' : 'is not a JSON object');
  }

  const response: TokenExchangeResponse = {
    access_token: readAccessToken(status, fields),
    token_type: readTokenType(status, fields, grant),
  };

  const expiresIn = readExpiresIn(status, fields);
  if (expiresIn !== undefined) {
    response.expires_in = expiresIn;
  }

  for (const name of ['issued_token_type', 'scope', 'refresh_token'] as const) {
    const value = readOptionalString(status, fields, name);
    if (value !== undefined) {
      response[name] = value;
    }
  }

  return response;
}

function oauthError(status: number, fields: Record<string, unknown>, secrets: readonly string[]): TokenExchangeError {
  const code = redact(fields.error as string, secrets);
  const description =
    typeof fields.error_description === 'string' ? redact(fields.error_description, secrets) : undefined;

  const statusText = status >= 200 && status <= 299 ? `a ${status} response carrying` : `HTTP ${status} with`;
  const descriptionText = description === undefined ? '' : `: ${JSON.stringify(truncate(description))}`;

  return new TokenExchangeError(
    `Token endpoint returned ${statusText} OAuth error ${JSON.stringify(truncate(code))}${descriptionText}`,
    { code, status, description },
  );
}

function readAccessToken(status: number, fields: Record<string, unknown>): string {
  const value = fields.access_token;
  if (value === undefined || value === null) {
    throw invalidResponse(status, 'access_token', 'is missing');
  }
  if (typeof value !== 'string' || value === '') {
    throw invalidResponse(status, 'access_token', 'must be a non-empty string');
  }
  return value;
}

/** RFC 8693 section 2.2.1 allows `N_A` for an exchanged token that is not an access token; RFC 6749 has only Bearer here. */
function readTokenType(status: number, fields: Record<string, unknown>, grant: TokenGrant): string {
  const value = fields.token_type;
  if (value === undefined || value === null) {
    throw invalidResponse(status, 'token_type', 'is missing');
  }
  if (typeof value !== 'string') {
    throw invalidResponse(status, 'token_type', 'must be a string');
  }

  const normalized = value.toLowerCase();
  if (normalized === 'bearer') {
    return 'Bearer';
  }
  if (normalized === 'n_a' && grant === 'token_exchange') {
    return 'N_A';
  }

  const accepted = grant === 'token_exchange' ? 'Bearer or N_A' : 'Bearer';
  throw invalidResponse(status, 'token_type', `must be ${accepted}`);
}

/** Accepts a positive integer, or a string of digits (some servers quote it), in seconds. */
function readExpiresIn(status: number, fields: Record<string, unknown>): number | undefined {
  const value = fields.expires_in;
  if (value === undefined || value === null) {
    return undefined;
  }

  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds <= 0) {
    throw invalidResponse(status, 'expires_in', 'must be a positive integer number of seconds');
  }
  return seconds;
}

function readOptionalString(status: number, fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw invalidResponse(status, name, 'must be a string when present');
  }
  return value;
}

function invalidResponse(status: number, field: string, problem: string): TokenExchangeError {
  return new TokenExchangeError(
    `Token endpoint returned an invalid response: ${field} ${problem}. The authorization server breaks RFC 6749 or RFC 8693.`,
    { code: 'invalid_response', status },
  );
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truncate(text: string): string {
  return text.length <= MAX_MESSAGE_STRING_LENGTH ? text : `${text.slice(0, MAX_MESSAGE_STRING_LENGTH)}…`;
}
