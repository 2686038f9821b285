import { isObject } from './check.js';
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

/** The string fields of a token response, required ones first. Other fields are dropped. */
const STRING_FIELDS = ['access_token', 'token_type', 'issued_token_type', 'scope', 'refresh_token'] as const;

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
  const fields = isObject(body) && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const fail = (message: string, code = 'invalid_response', description?: string): TokenExchangeError =>
    new TokenExchangeError(`Token endpoint returned ${message}`, { code, status, description });
  const invalid = (field: string, problem: string): TokenExchangeError => fail(`an invalid response: ${field} ${problem}.`);

  if (typeof fields?.error === 'string' && fields.error !== '') {
    const code = redact(fields.error, secrets);
    const description = typeof fields.error_description === 'string' ? redact(fields.error_description, secrets) : undefined;
    const descriptionText = description === undefined ? '' : `: ${quote(description)}`;
    throw fail(`HTTP ${status} with OAuth error ${quote(code)}${descriptionText}`, code, description);
  }

  if (status < 200 || status > 299) {
    throw fail(`HTTP ${status} without an OAuth error body: check tokenEndpoint.`, 'http_error');
  }

  if (fields === undefined) {
    throw invalid('body', body === undefined ? 'is not JSON' : 'is not a JSON object');
  }

  const response = {} as TokenExchangeResponse;
  for (const name of STRING_FIELDS) {
    const value = fields[name] ?? undefined;
    if (value === undefined && (name === 'access_token' || name === 'token_type')) {
      throw invalid(name, 'is missing');
    }
    if (value !== undefined && typeof value !== 'string') {
      throw invalid(name, 'must be a string');
    }
    if (value !== undefined) {
      response[name] = value;
    }
  }

  if (response.access_token === '') {
    throw invalid('access_token', 'must not be empty');
  }

  // RFC 8693 section 2.2.1 allows N_A for an exchanged token that is not an access token; RFC 6749 has only Bearer here.
  const tokenType = response.token_type.toLowerCase();
  if (tokenType !== 'bearer' && (tokenType !== 'n_a' || grant !== 'token_exchange')) {
    throw invalid('token_type', grant === 'token_exchange' ? 'must be Bearer or N_A' : 'must be Bearer');
  }
  response.token_type = tokenType === 'bearer' ? 'Bearer' : 'N_A';

  // A positive integer in seconds, or a string of digits, which some servers send.
  const expiresIn = fields.expires_in ?? undefined;
  if (expiresIn !== undefined) {
    const seconds = typeof expiresIn === 'string' && /^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn;
    if (!Number.isSafeInteger(seconds) || (seconds as number) <= 0) {
      throw invalid('expires_in', 'must be a positive integer');
    }
    response.expires_in = seconds as number;
  }

  return response;
}

/** JSON-encodes a server string for a message, cut to {@link MAX_MESSAGE_STRING_LENGTH} characters. */
function quote(text: string): string {
  return JSON.stringify(text.length <= MAX_MESSAGE_STRING_LENGTH ? text : `${text.slice(0, MAX_MESSAGE_STRING_LENGTH)}…`);
}
