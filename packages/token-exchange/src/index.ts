export { TokenExchangeClient } from './client.js';
export type { ClientCredentialsOptions, ExchangeTokenOptions } from './client.js';
export type { TokenExchangeConfig } from './config.js';
export type { TokenExchangeResponse } from './response.js';
export { TokenExchangeError } from './errors.js';
export type {
  OAuthErrorCode,
  TokenExchangeErrorCode,
  TokenExchangeErrorOptions,
  TokenExchangeLocalErrorCode,
} from './errors.js';
export {
  CLIENT_ASSERTION_TYPE_JWT_BEARER,
  DEFAULT_TIMEOUT_MS,
  GRANT_TYPE_CLIENT_CREDENTIALS,
  GRANT_TYPE_TOKEN_EXCHANGE,
  MAX_RESPONSE_BYTES,
  TOKEN_TYPE_ACCESS_TOKEN,
  TOKEN_TYPE_ID_TOKEN,
  TOKEN_TYPE_JWT,
} from './constants.js';
export { TokenCache } from './cache.js';
export type {
  DeleteTokenOptions,
  GetTokenOptions,
  TokenCacheClient,
  TokenCacheOptions,
  TokenCacheStats,
} from './cache.js';
export { tokenExchangeMiddleware } from './middleware.js';
export type { TokenExchangeMiddlewareOptions } from './middleware.js';
