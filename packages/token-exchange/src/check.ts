import { TokenExchangeError } from './errors.js';

/** @throws {TypeError} with the message `<name> <problem>.` unless `condition` holds. */
export function checkOption(condition: unknown, name: string, problem: string): asserts condition {
  if (!condition) {
    throw new TypeError(`${name} ${problem}.`);
  }
}

/** Returns whether `value` is an object and not `null`. */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Returns whether `value` is a string with at least one character other than whitespace. */
export function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && /\S/.test(value);
}

/**
 * Checks a string option. It is optional unless `expected` is given, which describes the value to
 * set and makes a missing value an error. An empty or blank string is never accepted.
 *
 * @throws {TypeError} naming the option, and `expected` when the option is required and missing.
 */
export function checkString(value: unknown, name: string, expected?: string): string | undefined {
  if (value === undefined && expected === undefined) {
    return undefined;
  }

  const missing = value == null || value === '';
  checkOption(!missing || expected === undefined, name, `is missing: set it to ${expected}`);
  checkOption(isNonBlankString(value), name, 'must be a non-empty string');
  return value;
}

/** @throws {TokenExchangeError} `invalid_subject_token` when the subject token is empty or blank. */
export function checkSubjectToken(subjectToken: unknown): void {
  if (!isNonBlankString(subjectToken)) {
    throw new TokenExchangeError("The subject token is blank: pass the caller's access token.", { code: 'invalid_subject_token' });
  }
}
