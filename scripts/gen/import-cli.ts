/**
 * `pnpm specs:import <goa-openapi.yaml> [--out <spec.yaml>]`
 *
 * Derives a spec for specs/ from a Goa-generated OpenAPI document (see goa-import.ts for
 * what is kept and dropped) and writes it to `--out`, or to stdout without it. Relative
 * paths are resolved against the directory pnpm was started in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { parse } from 'yaml';

import { importGoaDocument, renderImportedSpec } from './goa-import.js';

const USAGE = 'Usage: pnpm specs:import <goa-openapi.yaml> [--out <spec.yaml>]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' } },
    allowPositionals: true,
  });

  const [input, ...extra] = positionals;
  if (input === undefined || extra.length > 0) {
    throw new Error(`Expected exactly one input document. ${USAGE}`);
  }

  // pnpm runs root scripts in the repository root, and INIT_CWD is where the user typed the command.
  const baseDir = process.env['INIT_CWD'] ?? process.cwd();
  const inputPath = resolve(baseDir, input);
  const source: unknown = parse(await readFile(inputPath, 'utf8'));
  const spec = renderImportedSpec(importGoaDocument(source), basename(inputPath));

  if (values.out === undefined) {
    process.stdout.write(spec);
    return;
  }

  const outputPath = resolve(baseDir, values.out);
  await writeFile(outputPath, spec);
  process.stderr.write(`Wrote ${outputPath}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`specs:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
