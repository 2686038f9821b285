import { randomBytes } from 'node:crypto';
import { TokenCache } from '../src/index.js';

export interface MemoryResult {
  maxSize: number;
  /** Heap used after a full GC, in MB, once this many distinct subject tokens went through the cache. */
  heapMbBySubjects: Array<{ subjects: number; heapMb: number; heapDeltaMb: number; evictions: number }>;
}

const ACCESS_TOKEN_BYTES = 600;

/**
 * Sends distinct subject tokens through a cache whose client responds in-process with an
 * 800-character access token, and reads the heap after each checkpoint. The checkpoints
 * show whether the heap stays bounded by `maxSize` rather than growing with the subjects.
 */
export async function measureMemory(maxSize: number, checkpoints: readonly number[]): Promise<MemoryResult> {
  const gc = requireGc();
  const cache = new TokenCache({
    maxSize,
    client: {
      exchangeToken: async () => ({ access_token: randomBytes(ACCESS_TOKEN_BYTES).toString('base64url'), expires_in: 3600, token_type: 'Bearer' }),
      clientCredentials: async () => {
        throw new Error('the memory benchmark uses no machine tokens');
      },
    },
  });

  const subjectPrefix = randomBytes(300).toString('base64url');
  gc();
  const baselineBytes = process.memoryUsage().heapUsed;
  const heapMbBySubjects: MemoryResult['heapMbBySubjects'] = [];

  let sent = 0;
  for (const checkpoint of checkpoints) {
    for (; sent < checkpoint; sent += 1) {
      await cache.getToken(`${subjectPrefix}.${sent}`);
    }

    gc();
    const heapBytes = process.memoryUsage().heapUsed;
    heapMbBySubjects.push({
      subjects: checkpoint,
      heapMb: heapBytes / 1_048_576,
      heapDeltaMb: (heapBytes - baselineBytes) / 1_048_576,
      evictions: cache.stats.evictions,
    });
  }

  return { maxSize, heapMbBySubjects };
}

function requireGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') {
    throw new Error('The memory benchmark needs a full GC between checkpoints: run node with --expose-gc (pnpm bench does).');
  }

  return () => {
    gc();
    gc();
  };
}
