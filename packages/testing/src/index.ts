export { startAuthServer } from './auth-server.js';
export type {
  AuthServer,
  AuthServerClient,
  AuthServerOptions,
  AuthServerStats,
  IssueSubjectTokenOptions,
} from './auth-server.js';
export {
  GRANT_TYPE_TOKEN_EXCHANGE,
  TOKEN_TYPE_ACCESS_TOKEN,
  TOKEN_TYPE_JWT,
} from './constants.js';
export type { GrantRecord } from './grant-record.js';
export { generateKeyObjects, generateRsaKeyPair } from './keys.js';
export type { KeyObjectPair, KeySpec, RsaKeyPair } from './keys.js';
