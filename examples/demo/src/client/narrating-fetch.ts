import { decodeJwt } from 'jose';

import { fingerprint } from '../fingerprint.js';
import type { Write } from '../report.js';

export interface NarratingFetch {
  fetch: typeof fetch;
  /** Turns the narration on or off; requests go through either way. */
  setEnabled(enabled: boolean): void;
}

/**
 * Wraps `fetch` so that each request of the MCP SDK's client is written as one line with the
 * server, the status and the facts of the OAuth flow. Those are the `resource_metadata` pointer,
 * the advertised authorization server and the issued token's audience. Tokens appear only as
 * fingerprints.
 */
export function createNarratingFetch(write: Write, names: ReadonlyMap<string, string>): NarratingFetch {
  let enabled = true;

  const narrated: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const requestBody = enabled && request.method === 'POST' ? await request.clone().text() : '';
    const response = await fetch(request);
    if (!enabled) {
      return response;
    }

    const url = new URL(request.url);
    const target = `${request.method} ${url.pathname} (${names.get(url.origin) ?? url.origin})`;
    const detail = await describe(url, requestBody, response);
    write(`  MCP client   ${target.padEnd(60)} → ${response.status}${detail === '' ? '' : `  ${detail}`}`);
    return response;
  };

  return {
    fetch: narrated,
    setEnabled(value) {
      enabled = value;
    },
  };
}

/**
 * Returns the narration detail of a response. It reads the body of a clone only when the body is
 * JSON, because cancelling a response body waits until every clone of it is read or cancelled.
 */
async function describe(url: URL, requestBody: string, response: Response): Promise<string> {
  const challenge = response.headers.get('www-authenticate');
  if (response.status === 401 && challenge !== null) {
    const pointer = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
    return pointer === undefined ? 'no resource_metadata in WWW-Authenticate' : `resource_metadata → ${pointer}`;
  }
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) {
    return '';
  }

  const body = (await response.clone().json()) as Record<string, unknown>;
  if (url.pathname.startsWith('/.well-known/oauth-protected-resource')) {
    return `authorization server ${String((body.authorization_servers as unknown[] | undefined)?.[0])}, scopes ${JSON.stringify(body.scopes_supported ?? [])}`;
  }
  if (url.pathname.startsWith('/.well-known/')) {
    return `issuer ${String(body.issuer)}, PKCE ${JSON.stringify(body.code_challenge_methods_supported ?? [])}`;
  }
  if (typeof body.access_token === 'string') {
    const grant = new URLSearchParams(requestBody).get('grant_type') ?? 'unknown grant';
    const claims = decodeJwt(body.access_token);
    return `${grant}: access token ${fingerprint(body.access_token)} for aud ${String(claims.aud)}`;
  }
  return '';
}
