import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { generateTypes } from './generate.js';
import type { GeneratedService } from './services.js';

export type DriftReason = 'missing' | 'out of date';

export interface Drift {
  /** The generated file, relative to the repository root. */
  output: string;
  spec: string;
  reason: DriftReason;
}

/** Regenerates every service's output in `rootDir` and returns the paths written. */
export async function writeGenerated(rootDir: string, services: readonly GeneratedService[]): Promise<string[]> {
  const written: string[] = [];

  for (const service of services) {
    const content = await renderService(rootDir, service);
    const outputPath = join(rootDir, service.output);
    await mkdir(dirname(outputPath), { recursive: true });
    await writeFile(outputPath, content);
    written.push(service.output);
  }

  return written;
}

/**
 * Regenerates every service's output in memory and compares it with the file in `rootDir`.
 * Returns one entry per file that is missing or differs, so an empty list means no drift.
 */
export async function findDrift(rootDir: string, services: readonly GeneratedService[]): Promise<Drift[]> {
  const drift: Drift[] = [];

  for (const service of services) {
    const expected = await renderService(rootDir, service);
    const actual = await readIfExists(join(rootDir, service.output));

    if (actual === undefined) {
      drift.push({ output: service.output, spec: service.spec, reason: 'missing' });
    } else if (actual !== expected) {
      drift.push({ output: service.output, spec: service.spec, reason: 'out of date' });
    }
  }

  return drift;
}

async function renderService(rootDir: string, service: GeneratedService): Promise<string> {
  const specText = await readFile(join(rootDir, service.spec), 'utf8');
  return generateTypes(specText, { specPath: service.spec });
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
