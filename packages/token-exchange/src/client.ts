import { createClientAssertion } from './assertion.js';
import { resolveConfig, type ResolvedConfig, type TokenExchangeConfig } from './config.js';
import {
  CLIENT_ASSERTION_TYPE_JWT_BEARER,
  GRANT_TYPE_CLIENT_CREDENTIALS,
  GRANT_TYPE_TOKEN_EXCHANGE,
} from './constants.js';
import { TokenExchangeError } from './errors.js';
import { requestToken } from './http.js';
import { processTokenResponse, type TokenExchangeResponse, type TokenGrant } from './response.js';

/** Per-call options of {@link TokenExchangeClient.exchangeToken}. Each is sent only when set. */
export interface ExchangeTokenOptions {
  /** Aborts the request; the call then rejects with code `aborted`. */
  signal?: AbortSignal | undefined;
  /** `scope`: space-separated scopes requested for the issued token. */
  scope?: string | undefined;
  /** `resource`: absolute URI of the target service, RFC 8693 section 2.1. */
  resource?: string | undefined;
  /** `requested_token_type`, such as {@link TOKEN_TYPE_ACCESS_TOKEN}. */
  requestedTokenType?: string | undefined;
  /** `actor_token`: a token for the party that acts for the subject (delegation). Needs `actorTokenType`. */
  actorToken?: string | undefined;
  /** `actor_token_type`, required with `actorToken` and not allowed without it. */
  actorTokenType?: string | undefined;
}

export interface ClientCredentialsOptions {
  /** Aborts the request; the call then rejects with code `aborted`. */
  signal?: AbortSignal | undefined;
}

/**
 * Client of an OAuth 2.0 token endpoint for two grants: token exchange (RFC 8693), which turns a
 * user's token into one for `audience`, and client credentials (RFC 6749 section 4.4) for
 * machine callers. It authenticates with a signed JWT assertion (RFC 7523) when a signing key is
 * configured and with `client_secret_post` otherwise.
 *
 * Every failure of a call is a {@link TokenExchangeError}, and no error's message, properties or
 * `cause` contain the client secret, an assertion, a subject or actor token or an issued token.
 */
export class TokenExchangeClient {
  readonly #config: ResolvedConfig;

  /**
   * Validates `config` and imports the signing key once.
   *
   * @throws TypeError naming the invalid option.
   */
  constructor(config: TokenExchangeConfig) {
    this.#config = resolveConfig(config);
  }

  /**
   * Exchanges `subjectToken` for a token for the configured `audience` (RFC 8693 section 2.1).
   *
   * @throws TokenExchangeError `invalid_subject_token` for an empty or blank token, before any
   *   request, or a failed request (see {@link TokenExchangeErrorCode}): `network_error`, `timeout`,
   *   `aborted`, `response_too_large`, `http_error`, `invalid_response`, or the server's OAuth
   *   `error` with `status` and `description`.
   * @throws TypeError for an invalid option, before any request.
   */
  async exchangeToken(subjectToken: string, options: ExchangeTokenOptions = {}): Promise<TokenExchangeResponse> {
    if (typeof subjectToken !== 'string' || subjectToken.trim() === '') {
      throw new TokenExchangeError('Subject token is empty or blank. Pass the caller\'s access token to exchangeToken().', {
        code: 'invalid_subject_token',
      });
    }
    const { signal, ...parameters } = checkExchangeOptions(options);

    const form = new URLSearchParams({
      grant_type: GRANT_TYPE_TOKEN_EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: this.#config.subjectTokenType,
      audience: this.#config.audience,
    });
    appendIfSet(form, 'scope', parameters.scope);
    appendIfSet(form, 'resource', parameters.resource);
    appendIfSet(form, 'requested_token_type', parameters.requestedTokenType);
    appendIfSet(form, 'actor_token', parameters.actorToken);
    appendIfSet(form, 'actor_token_type', parameters.actorTokenType);

    const secrets = [subjectToken, ...(parameters.actorToken === undefined ? [] : [parameters.actorToken])];
    return this.#send(form, 'token_exchange', secrets, signal);
  }

  /**
   * Requests a token for the configured `audience` with the client's own credentials
   * (RFC 6749 section 4.4), for callers that act for no user.
   *
   * @throws TokenExchangeError for a failed request, with the codes of {@link exchangeToken} other
   *   than `invalid_subject_token`. The response's `token_type` must be Bearer.
   */
  async clientCredentials(options: ClientCredentialsOptions = {}): Promise<TokenExchangeResponse> {
    const signal = checkSignal(options.signal);

    const form = new URLSearchParams({
      grant_type: GRANT_TYPE_CLIENT_CREDENTIALS,
      audience: this.#config.audience,
    });

    return this.#send(form, 'client_credentials', [], signal);
  }

  async #send(
    form: URLSearchParams,
    grant: TokenGrant,
    requestSecrets: readonly string[],
    signal: AbortSignal | undefined,
  ): Promise<TokenExchangeResponse> {
    const secrets = [...requestSecrets];
    form.set('client_id', this.#config.clientId);

    const { authentication } = this.#config;
    if (authentication.method === 'private_key_jwt') {
      const assertion = await createClientAssertion({
        clientId: this.#config.clientId,
        audience: authentication.audience,
        privateKey: authentication.privateKey,
        keyId: authentication.keyId,
      });
      secrets.push(assertion);
      form.set('client_assertion_type', CLIENT_ASSERTION_TYPE_JWT_BEARER);
      form.set('client_assertion', assertion);
    } else {
      secrets.push(authentication.clientSecret);
      form.set('client_secret', authentication.clientSecret);
    }

    // A cause can quote the form body, where credentials appear URL-encoded.
    for (const secret of [...secrets]) {
      const encoded = new URLSearchParams({ value: secret }).toString().slice('value='.length);
      if (encoded !== secret) {
        secrets.push(encoded);
      }
    }

    const raw = await requestToken({
      tokenEndpoint: this.#config.tokenEndpoint,
      form,
      fetch: this.#config.fetch,
      timeoutMs: this.#config.timeoutMs,
      signal,
      secrets,
    });

    return processTokenResponse(raw, grant, secrets);
  }
}

function checkExchangeOptions(options: ExchangeTokenOptions): ExchangeTokenOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('exchangeToken() options must be an object when given.');
  }

  const checked: ExchangeTokenOptions = {
    signal: checkSignal(options.signal),
    scope: checkOptionalString(options.scope, 'scope'),
    resource: checkOptionalString(options.resource, 'resource'),
    requestedTokenType: checkOptionalString(options.requestedTokenType, 'requestedTokenType'),
    actorToken: checkOptionalString(options.actorToken, 'actorToken'),
    actorTokenType: checkOptionalString(options.actorTokenType, 'actorTokenType'),
  };

  // RFC 8693 section 2.1: resource is an absolute URI.
  if (checked.resource !== undefined && !URL.canParse(checked.resource)) {
    throw new TypeError('exchangeToken() option resource must be an absolute URI.');
  }

  // RFC 8693 section 2.1: actor_token_type is required with actor_token and must be absent without it.
  if (checked.actorToken !== undefined && checked.actorTokenType === undefined) {
    throw new TypeError('exchangeToken() option actorToken needs actorTokenType, such as urn:ietf:params:oauth:token-type:access_token.');
  }
  if (checked.actorToken === undefined && checked.actorTokenType !== undefined) {
    throw new TypeError('exchangeToken() option actorTokenType is set without actorToken. Set both or neither.');
  }

  return checked;
}

function checkSignal(signal: unknown): AbortSignal | undefined {
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError('Option signal must be an AbortSignal when given.');
  }
  return signal;
}

function checkOptionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`exchangeToken() option ${name} must be a non-empty string when given.`);
  }
  return value;
}

function appendIfSet(form: URLSearchParams, name: string, value: string | undefined): void {
  if (value !== undefined) {
    form.set(name, value);
  }
}
