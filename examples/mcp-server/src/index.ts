export { createMcpApp, startMcpServer, SERVER_INFO } from './app.js';
export type { McpApp, McpAppOptions, RunningServer } from './app.js';
export {
  ConfigError,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SUBJECT_TOKEN_TYPE,
  describeConfig,
  loadConfig,
} from './config.js';
export type { Environment, LoadConfigOptions, ServerConfig, TokenExchangeSettings } from './config.js';
export { createJsonLogger } from './logger.js';
export type { LogFields, Logger } from './logger.js';
export { MAX_SEARCH_RESULTS, registerProjectTools } from './tools.js';
