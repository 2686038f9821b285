import { createHash } from 'node:crypto';

/**
 * Returns the first 8 hex digits of a token's SHA-256: enough to tell tokens apart in the demo's
 * output, and useless for calling anything with.
 */
export function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 8);
}
