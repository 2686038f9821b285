#!/usr/bin/env node
/**
 * Starts the example MCP server from environment variables (see the repository README,
 * "Real deployment"). Exits with status 78 (EX_CONFIG) when a setting is missing or invalid,
 * after listing every problem, and with 1 when the server cannot start.
 */
import { ConfigError, describeConfig, loadConfig } from './config.js';
import { createJsonLogger } from './logger.js';
import { startMcpServer } from './app.js';

const EXIT_CONFIG = 78;

const log = createJsonLogger();

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) {
    throw error;
  }
  process.stderr.write(`${error.message}\n`);
  process.exit(EXIT_CONFIG);
}

try {
  const running = await startMcpServer(config, { log });
  log.info('MCP server started', { url: running.url, ...describeConfig(config) });

  const stop = (signal: NodeJS.Signals) => {
    log.info('MCP server stopping', { signal });
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof TypeError ? error.message : undefined;
  log.error('MCP server failed to start', { error: name, message });
  process.exit(1);
}
