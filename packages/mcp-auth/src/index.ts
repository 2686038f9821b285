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
