/**
 * `pnpm gen` writes the generated types of every service in services.ts.
 * `pnpm gen:check` (the same script with `--check`) writes nothing and exits with status 1, naming
 * each generated file that is missing or differs from what its spec produces.
 * `--root <dir>` runs either mode on another copy of the repository, as the tests do.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { findDrift, writeGenerated } from './run.js';
import { services } from './services.js';

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      root: { type: 'string', default: REPOSITORY_ROOT },
    },
  });
  const rootDir = resolve(values.root);

  if (!values.check) {
    for (const output of await writeGenerated(rootDir, services)) {
      process.stdout.write(`Wrote ${output}\n`);
    }
    return;
  }

  const drift = await findDrift(rootDir, services);
  for (const { output, spec, reason } of drift) {
    process.stderr.write(`${output} is ${reason}: it must match what ${spec} generates. Run \`pnpm gen\` and commit the result.\n`);
  }
  if (drift.length > 0) {
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`Generated files match their specs (${services.length} checked).\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`gen failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
