import { McpAuthError } from './errors.js';
import { parseServerUrl, trimTrailingSlash } from './url.js';

/** Returns the URLs where {@link discoverJwksUri} reads authorization server metadata, in the order it tries them. */
export function metadataUrls(issuer: URL): URL[] {
  const path = trimTrailingSlash(issuer.pathname);

  return [
    // OpenID Connect Discovery 1.0 section 4: appended to the issuer.
    new URL(`${path}/.well-known/openid-configuration`, issuer),
    // RFC 8414 section 3.1: inserted between the host and the issuer's path.
    new URL(`/.well-known/oauth-authorization-server${path}`, issuer),
  ];
}

/**
 * Reads the `jwks_uri` of `issuer` from its OpenID Connect discovery document, or from its
 * RFC 8414 metadata when the first responds with a status other than 200.
 *
 * @throws {McpAuthError} `metadata_unavailable` when neither document can be read, when the
 *   document names another issuer (RFC 8414 section 3.3), or when its `jwks_uri` is not an
 *   https URL (or http on loopback).
 */
export async function discoverJwksUri(issuer: URL, fetchImpl: typeof fetch, timeoutMs: number): Promise<URL> {
  let lastStatus: number | undefined;

  for (const url of metadataUrls(issuer)) {
    const response = await fetchMetadata(issuer, url, fetchImpl, timeoutMs);
    if (response.status !== 200) {
      lastStatus = response.status;
      await response.body?.cancel();
      continue;
    }

    return readJwksUri(issuer, url, response);
  }

  throw new McpAuthError(
    `No authorization server metadata found for issuer ${JSON.stringify(issuer.href)} (last HTTP status ${lastStatus}). Serve /.well-known/openid-configuration or /.well-known/oauth-authorization-server, or set jwksUri for this issuer.`,
    { code: 'metadata_unavailable', status: lastStatus },
  );
}

async function fetchMetadata(issuer: URL, url: URL, fetchImpl: typeof fetch, timeoutMs: number): Promise<Response> {
  try {
    return await fetchImpl(url.href, {
      method: 'GET',
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new McpAuthError(
      `Fetching the authorization server metadata of issuer ${JSON.stringify(issuer.href)} failed: ${describeFailure(cause)}.`,
      { code: 'metadata_unavailable', cause },
    );
  }
}

async function readJwksUri(issuer: URL, url: URL, response: Response): Promise<URL> {
  const where = `The authorization server metadata at ${JSON.stringify(url.href)}`;

  let document: unknown;
  try {
    document = await response.json();
  } catch (cause) {
    throw new McpAuthError(`${where} is not valid JSON.`, { code: 'metadata_unavailable', status: 200, cause });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new McpAuthError(`${where} is not a JSON object.`, { code: 'metadata_unavailable', status: 200 });
  }

  const { issuer: reportedIssuer, jwks_uri: jwksUri } = document as Record<string, unknown>;
  if (typeof reportedIssuer !== 'string' || trimTrailingSlash(reportedIssuer) !== trimTrailingSlash(issuer.href)) {
    throw new McpAuthError(`${where} names a different issuer. Check the issuer in authServers.`, {
      code: 'metadata_unavailable',
      status: 200,
    });
  }

  try {
    return parseServerUrl(jwksUri, 'jwks_uri');
  } catch (cause) {
    throw new McpAuthError(`${where} has an invalid jwks_uri: ${(cause as Error).message}`, {
      code: 'metadata_unavailable',
      status: 200,
      cause,
    });
  }
}

/** Names a fetch failure without echoing anything the server sent. */
export function describeFailure(cause: unknown): string {
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) {
    return 'the request timed out';
  }
  return 'the request could not be sent or the connection failed';
}
