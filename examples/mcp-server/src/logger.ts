/** Structured log fields. Never put a token, secret or key in them. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** The log sink of the example server: one line per event. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * Returns a logger that writes one JSON object per line: `info` to stdout, `error` to stderr,
 * the form that container log collectors parse without configuration.
 */
export function createJsonLogger(now: () => Date = () => new Date()): Logger {
  const write = (stream: NodeJS.WriteStream, level: string, message: string, fields: LogFields = {}) => {
    stream.write(`${JSON.stringify({ time: now().toISOString(), level, message, ...fields })}\n`);
  };

  return {
    info: (message, fields) => write(process.stdout, 'info', message, fields),
    error: (message, fields) => write(process.stderr, 'error', message, fields),
  };
}
