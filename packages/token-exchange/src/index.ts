export { TokenCache } from './cache.js';
export type {
  CachedTokenResponse,
  DeleteTokenOptions,
  GetTokenOptions,
  TokenCacheClient,
  TokenCacheOptions,
  TokenCacheStats,
} from './cache.js';
export { tokenExchangeMiddleware } from './middleware.js';
export type { TokenExchangeMiddlewareOptions } from './middleware.js';
