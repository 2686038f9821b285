export { extractMCPToken } from './token.js';
export { getMCPToken, withMCPToken } from './context.js';
export {
  createJwtVerifier,
  DEFAULT_CLOCK_TOLERANCE_SEC,
  DEFAULT_JWKS_CACHE_MAX_AGE_MS,
  DEFAULT_JWKS_COOLDOWN_MS,
  DEFAULT_JWKS_TIMEOUT_MS,
  type AuthServer,
  type JwtVerifierOptions,
} from './verifier.js';
export { LFX_USERNAME_CLAIM, type LfxAuthExtra } from './claims.js';
export { McpAuthError, type McpAuthErrorCode, type McpAuthErrorOptions } from './errors.js';
export {
  protectedResourceMetadata,
  protectedResourceMetadataHandler,
  protectedResourceMetadataPaths,
  type MetadataRequestHandler,
  type ProtectedResourceMetadata,
  type ProtectedResourceMetadataOptions,
} from './resource-metadata.js';
export { createClients, type CreateClientsOptions, type LfxClients } from './clients.js';

// Re-exported so that an MCP server imports only this package to build the exchange client
// and catch its errors, and gets the same copy of @lfx/token-exchange that createClients uses.
export {
  TOKEN_TYPE_ACCESS_TOKEN,
  TOKEN_TYPE_ID_TOKEN,
  TOKEN_TYPE_JWT,
  TokenCache,
  TokenExchangeClient,
  TokenExchangeError,
  type TokenCacheOptions,
  type TokenCacheStats,
  type TokenExchangeConfig,
  type TokenExchangeErrorCode,
} from '@lfx/token-exchange';
