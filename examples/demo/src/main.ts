/**
 * `pnpm demo`: runs the end-to-end demo and exits 0 on success. On failure it names the failed
 * step and exits 1. Ctrl-C (SIGINT) or SIGTERM stops every server and exits 130 or 143.
 */
import { Cleanup } from './cleanup.js';
import { runDemo, summaryLine } from './demo.js';
import { DemoStepError } from './report.js';

const cleanup = new Cleanup();
const write = (line: string) => process.stdout.write(`${line}\n`);

// `pnpm demo` forwards a signal that reaches only its own process, so a Ctrl-C can arrive twice.
let stopping = false;
const stop = (signal: NodeJS.Signals, exitCode: number) => {
  if (stopping) {
    return;
  }
  stopping = true;
  process.stderr.write(`\n${signal}: stopping the demo servers\n`);
  void cleanup.run().finally(() => process.exit(exitCode));
};
process.on('SIGINT', () => stop('SIGINT', 130));
process.on('SIGTERM', () => stop('SIGTERM', 143));

const startedAt = performance.now();
write('LFX SDK demo: an MCP tool call becomes an LFX API call made with an exchanged token');
write('Tokens appear only as the first 8 hex digits of their SHA-256.');
write('');

try {
  const result = await runDemo(write, cleanup);
  write(`  finished in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  write(summaryLine(result));
  process.exitCode = 0;
} catch (error) {
  const where = error instanceof DemoStepError ? `step "${error.step}"` : 'an unexpected place';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`demo failed at ${where}: ${message}\n`);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
