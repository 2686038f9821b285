import { leakScanner } from './leak-scan.js';

/** A token request as the client sent it. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  form: URLSearchParams;
}

export interface RecordingFetch {
  fetch: typeof fetch;
  readonly requests: RecordedRequest[];
}

/** Largest JSON response that the recorder parses to collect issued tokens. */
const MAX_INSPECTED_RESPONSE_BYTES = 65_536;

/**
 * Wraps `globalThis.fetch` to record each request's form body and to add every credential in
 * the request and every issued token in the response to the leak scanner.
 *
 * @param rewrite changes the form before it is sent, for tests that tamper with a request.
 */
export function createRecordingFetch(rewrite?: (form: URLSearchParams, index: number) => void): RecordingFetch {
  const requests: RecordedRequest[] = [];

  const recordingFetch: typeof fetch = async (input, init) => {
    const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
    rewrite?.(form, requests.length);
    leakScanner.addFormSecrets(form);
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      form,
    });

    const response = await fetch(input, { ...init, body: form.toString() });
    await collectIssuedTokens(response);
    return response;
  };

  return { fetch: recordingFetch, requests };
}

async function collectIssuedTokens(response: Response): Promise<void> {
  const length = Number(response.headers.get('content-length'));
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  if (!isJson || !(length > 0 && length <= MAX_INSPECTED_RESPONSE_BYTES)) {
    return;
  }

  try {
    const body = (await response.clone().json()) as Record<string, unknown>;
    for (const name of ['access_token', 'refresh_token']) {
      const value = body[name];
      if (typeof value === 'string') {
        leakScanner.addSecret(value);
      }
    }
  } catch {
    // Not JSON after all: the client's own parsing is what the test examines.
  }
}
