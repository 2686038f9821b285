/** Text that replaces a credential found in a string that goes into an error. */
const REDACTED = '[redacted]';

/** Depth of `cause` chains kept by {@link sanitizeCause}; undici nests two levels. */
const MAX_CAUSE_DEPTH = 3;

/** Replaces every occurrence of each non-empty `secrets` entry in `text` with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== '') {
      result = result.split(secret).join(REDACTED);
    }
  }
  return result;
}

/**
 * Copies an error into a plain `Error` that keeps only its `name`, `message`, string `code`
 * and, recursively, its `cause`, with `secrets` redacted from the strings.
 *
 * fetch errors from undici can reference the request, its headers or its body, and a custom
 * `fetch` can attach anything, so the original object never becomes a `cause` itself.
 */
export function sanitizeCause(error: unknown, secrets: readonly string[], depth = 0): Error {
  if (!(error instanceof Error)) {
    return new Error(`non-error value of type ${error === null ? 'null' : typeof error}`);
  }

  const nested = depth + 1 < MAX_CAUSE_DEPTH && error.cause !== undefined ? sanitizeCause(error.cause, secrets, depth + 1) : undefined;
  const copy = new Error(redact(error.message, secrets), nested === undefined ? undefined : { cause: nested });
  Object.defineProperty(copy, 'name', { value: redact(error.name, secrets), enumerable: false, configurable: true, writable: true });

  const { code } = error as { code?: unknown };
  if (typeof code === 'string') {
    Object.defineProperty(copy, 'code', { value: redact(code, secrets), enumerable: true });
  }

  // The copy's stack would point here, and the original's could include the message again.
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
