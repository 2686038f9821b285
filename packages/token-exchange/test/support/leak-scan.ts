import { inspect } from 'node:util';
import { afterAll, expect } from 'vitest';

/**
 * Collects the credentials that a test file uses and the errors that it provokes, and checks
 * that no error exposes a credential in any form a caller or a logger could see.
 *
 * Vitest runs each test file in its own module registry, so every file that imports this module
 * has its own collector and calls {@link scanForLeaksAfterAll} once.
 */
export class LeakScanner {
  readonly #secrets = new Set<string>();
  readonly #errors: unknown[] = [];

  /** Adds a credential. For a JWT, its payload and signature segments are added too, to catch a truncated copy. */
  addSecret(value: string | undefined): void {
    if (value === undefined || value === '') {
      return;
    }

    this.#secrets.add(value);
    const segments = value.split('.');
    if (segments.length === 3) {
      for (const segment of segments.slice(1)) {
        if (segment.length >= 20) {
          this.#secrets.add(segment);
        }
      }
    }
  }

  /** Adds the credentials of a token request form: secret, assertion, subject and actor tokens. */
  addFormSecrets(form: URLSearchParams): void {
    for (const name of ['client_secret', 'client_assertion', 'subject_token', 'actor_token']) {
      this.addSecret(form.get(name) ?? undefined);
    }
  }

  addError(error: unknown): void {
    this.#errors.push(error);
  }

  get secretCount(): number {
    return this.#secrets.size;
  }

  get errorCount(): number {
    return this.#errors.length;
  }

  /** Returns one line per credential found in an error, empty when there is none. */
  findLeaks(): string[] {
    const leaks: string[] = [];
    this.#errors.forEach((error, index) => {
      for (const [view, text] of renderError(error)) {
        for (const secret of this.#secrets) {
          if (text.includes(secret)) {
            leaks.push(`error #${index} (${describe(error)}) exposes a credential of length ${secret.length} in ${view}`);
          }
        }
      }
    });
    return leaks;
  }
}

/** The single collector of the importing test file. */
export const leakScanner = new LeakScanner();

/** Registers an `afterAll` that fails the file when any collected error exposes a credential. */
export function scanForLeaksAfterAll(): void {
  afterAll(() => {
    expect(leakScanner.findLeaks()).toEqual([]);
  });
}

/**
 * Awaits `promise`, expects it to reject, records the rejection with the scanner and returns it.
 */
export async function captureRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    leakScanner.addError(error);
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Calls `action`, expects it to throw, records the error with the scanner and returns it. */
export function captureThrow(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    leakScanner.addError(error);
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** Renders every text through which an error's content can reach a caller, a log or a serializer. */
function renderError(error: unknown): Array<[string, string]> {
  const views: Array<[string, string]> = [
    ['util.inspect', inspect(error, { depth: Infinity, showHidden: true, getters: true })],
    ['String()', safeString(error)],
  ];

  const seen = new Set<unknown>();
  let current: unknown = error;
  let depth = 0;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const prefix = depth === 0 ? 'error' : `cause[${depth}]`;

    if (current instanceof Error) {
      views.push([`${prefix}.message`, current.message], [`${prefix}.stack`, current.stack ?? '']);
    }
    views.push([`JSON.stringify(${prefix})`, safeJson(current)]);

    for (const key of Reflect.ownKeys(current)) {
      const value = (current as Record<PropertyKey, unknown>)[key];
      views.push([`${prefix}[${String(key)}]`, typeof value === 'string' ? value : inspect(value, { depth: Infinity, showHidden: true })]);
    }

    current = (current as { cause?: unknown }).cause;
    depth += 1;
  }

  return views;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const { code } = error as { code?: unknown };
    return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}`;
  }
  return typeof error;
}
