/** Text that replaces a credential found in a string that goes into an error. */
const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each non-empty `secrets` entry in `text` with `[redacted]`, both as
 * it is and form-encoded, because an error can quote the request body. Only error paths call it,
 * so a successful request does no redaction work.
 *
 * NOTE: only whole credentials are replaced. A server that echoes part of one, such as the first
 * characters of the subject token in `error_description`, gets that part into the error.
 */
export function redact(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    if (secret !== '') {
      const formEncoded = new URLSearchParams({ s: secret }).toString().slice(2);
      text = text.replaceAll(secret, REDACTED).replaceAll(formEncoded, REDACTED);
    }
  }

  return text;
}

/**
 * Copies an error into a plain `Error` that keeps only its `name`, `message`, string `code`
 * and, recursively, its `cause` to three levels (undici nests two), with `secrets` redacted
 * from the strings.
 *
 * fetch errors from undici can reference the request, its headers or its body, and a custom
 * `fetch` can attach anything, so the original object never becomes a `cause` itself.
 */
export function sanitizeCause(error: unknown, secrets: readonly string[], depth = 1): Error {
  if (!(error instanceof Error)) {
    return new Error(`non-error value of type ${typeof error}`);
  }

  const { cause, code } = error as Error & { code?: unknown };
  const copy = new Error(
    redact(error.message, secrets),
    depth < 3 && cause !== undefined ? { cause: sanitizeCause(cause, secrets, depth + 1) } : undefined,
  );
  // `name` stays off the enumerable keys, as it is on the Error prototype.
  Object.defineProperty(copy, 'name', { value: redact(error.name, secrets) });
  if (typeof code === 'string') {
    Object.assign(copy, { code: redact(code, secrets) });
  }

  // The copy keeps its own stack, which contains only the redacted message and call frames. The
  // original's stack can contain the message again, so it is not copied.
  return copy;
}
