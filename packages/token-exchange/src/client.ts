import { createClientAssertion } from './assertion.js';
import { checkOption, checkString, checkSubjectToken, isObject } from './check.js';
import { resolveConfig, type ResolvedConfig, type TokenExchangeConfig } from './config.js';
import {
  CLIENT_ASSERTION_TYPE_JWT_BEARER,
  GRANT_TYPE_CLIENT_CREDENTIALS,
  GRANT_TYPE_TOKEN_EXCHANGE,
} from './constants.js';
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
    checkSubjectToken(subjectToken);
    checkOption(isObject(options), 'exchangeToken() options', 'must be an object');

    const form = new URLSearchParams({
      grant_type: GRANT_TYPE_TOKEN_EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: this.#config.subjectTokenType,
      audience: this.#config.audience,
    });
    for (const option of EXCHANGE_OPTIONS) {
      const value = checkString(options[option], `exchangeToken() option ${option}`);
      if (value !== undefined) {
        // Each parameter is its option's name in snake case, such as requested_token_type.
        form.set(option.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), value);
      }
    }

    // RFC 8693 section 2.1: resource is an absolute URI.
    checkOption(options.resource === undefined || URL.canParse(options.resource), 'exchangeToken() option resource', 'must be an absolute URI');

    // RFC 8693 section 2.1: actor_token_type is required with actor_token and must be absent without it.
    const { actorToken } = options;
    checkOption(
      (actorToken === undefined) === (options.actorTokenType === undefined),
      'exchangeToken() options actorToken and actorTokenType',
      'must be set together',
    );

    // redact() skips the empty string that stands for an absent actor token.
    return this.#send(form, 'token_exchange', [subjectToken, actorToken ?? ''], options.signal);
  }

  /**
   * Requests a token for the configured `audience` with the client's own credentials
   * (RFC 6749 section 4.4), for callers that act for no user.
   *
   * @throws TokenExchangeError for a failed request, with the codes of {@link exchangeToken} other
   *   than `invalid_subject_token`. The response's `token_type` must be Bearer.
   */
  async clientCredentials(options: ClientCredentialsOptions = {}): Promise<TokenExchangeResponse> {
    const form = new URLSearchParams({ grant_type: GRANT_TYPE_CLIENT_CREDENTIALS, audience: this.#config.audience });
    return this.#send(form, 'client_credentials', [], options.signal);
  }

  async #send(form: URLSearchParams, grant: TokenGrant, secrets: string[], signal: unknown): Promise<TokenExchangeResponse> {
    checkOption(signal === undefined || signal instanceof AbortSignal, 'Option signal', 'must be an AbortSignal');

    const { clientId, privateKey, clientSecret } = this.#config;
    form.set('client_id', clientId);
    if (privateKey !== undefined) {
      const { assertionAudience: audience, keyId } = this.#config;
      const assertion = await createClientAssertion({ clientId, audience, privateKey, keyId });
      secrets.push(assertion);
      form.set('client_assertion_type', CLIENT_ASSERTION_TYPE_JWT_BEARER);
      form.set('client_assertion', assertion);
    } else {
      secrets.push(clientSecret as string);
      form.set('client_secret', clientSecret as string);
    }

    const raw = await requestToken({ ...this.#config, form, signal, secrets });
    return processTokenResponse(raw, grant, secrets);
  }
}

/** The optional `exchangeToken()` options, each sent as the RFC 8693 section 2.1 parameter of the same name in snake case. */
const EXCHANGE_OPTIONS = ['scope', 'resource', 'requestedTokenType', 'actorToken', 'actorTokenType'] as const;
