/** `grant_type` of OAuth 2.0 Token Exchange, RFC 8693 section 2.1. */
export const GRANT_TYPE_TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** `grant_type` of the client credentials grant, RFC 6749 section 4.4. */
export const GRANT_TYPE_CLIENT_CREDENTIALS = 'client_credentials';

/** Token type identifier of an OAuth 2.0 access token, RFC 8693 section 3. */
export const TOKEN_TYPE_ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';

/** Token type identifier of a JWT, RFC 8693 section 3. */
export const TOKEN_TYPE_JWT = 'urn:ietf:params:oauth:token-type:jwt';

/** Token type identifier of an OpenID Connect ID token, RFC 8693 section 3. */
export const TOKEN_TYPE_ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';

/** `client_assertion_type` of a JWT client assertion, RFC 7523 section 2.2. */
export const CLIENT_ASSERTION_TYPE_JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Default of `TokenExchangeConfig.timeoutMs`: 30 seconds for one token request, body included. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Largest token-endpoint response body read, in bytes (1 MiB). A token response is a few
 * kilobytes, so a larger body is a misconfigured or hostile server and reading stops there.
 */
export const MAX_RESPONSE_BYTES = 1_048_576;

/** Lifetime of a client assertion JWT, in seconds: its `exp` is `iat` plus this. */
export const CLIENT_ASSERTION_LIFETIME_SEC = 60;
