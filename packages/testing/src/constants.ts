/** Grant type of OAuth 2.0 Token Exchange, RFC 8693 section 2.1. */
export const GRANT_TYPE_TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** Token type identifier for an OAuth 2.0 access token, RFC 8693 section 3. */
export const TOKEN_TYPE_ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';

/** Token type identifier for a JWT, RFC 8693 section 3. */
export const TOKEN_TYPE_JWT = 'urn:ietf:params:oauth:token-type:jwt';
