import type { IncomingMessage, ServerResponse } from 'node:http';

import { parseServerUrl } from './url.js';

/** OAuth 2.0 Protected Resource Metadata (RFC 9728 section 2) of an MCP server. */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  scopes_supported?: string[];
  bearer_methods_supported: ['header'];
  resource_name?: string;
  resource_documentation?: string;
}

export interface ProtectedResourceMetadataOptions {
  /** The MCP endpoint's URL, such as `https://mcp.example.org/mcp`: https, or http on loopback. */
  resourceUrl: string | URL;
  /** Issuer identifiers of the authorization servers that issue tokens for it, exactly as they publish them. */
  authorizationServers: readonly string[];
  /** Scopes a client may request for it. Omitted from the document when absent. */
  scopesSupported?: readonly string[];
  /** A human-readable name of the MCP server. */
  resourceName?: string;
  /** URL of a page that documents the MCP server. */
  resourceDocumentation?: string;
}

const WELL_KNOWN_PATH = '/.well-known/oauth-protected-resource';

/**
 * Builds the RFC 9728 metadata document. Only the `Authorization` header carries tokens
 * (`bearer_methods_supported: ["header"]`), because `requireBearerAuth` reads nothing else.
 *
 * @throws {TypeError} naming the option, when an option is invalid.
 */
export function protectedResourceMetadata(options: ProtectedResourceMetadataOptions): ProtectedResourceMetadata {
  const resource = readResourceUrl(options.resourceUrl);
  const { authorizationServers, scopesSupported, resourceName, resourceDocumentation } = options;

  if (!Array.isArray(authorizationServers) || authorizationServers.length === 0) {
    throw new TypeError('authorizationServers must be a non-empty array of issuer URLs.');
  }
  authorizationServers.forEach((issuer: unknown, index) => parseServerUrl(issuer, `authorizationServers[${index}]`));

  const document: ProtectedResourceMetadata = {
    resource: resource.href,
    authorization_servers: [...authorizationServers],
    bearer_methods_supported: ['header'],
  };

  if (scopesSupported !== undefined) {
    if (!Array.isArray(scopesSupported) || !scopesSupported.every((scope) => typeof scope === 'string' && scope !== '')) {
      throw new TypeError('scopesSupported must be an array of non-empty strings.');
    }
    document.scopes_supported = [...scopesSupported];
  }
  if (resourceName !== undefined) {
    if (typeof resourceName !== 'string' || resourceName === '') {
      throw new TypeError('resourceName must be a non-empty string.');
    }
    document.resource_name = resourceName;
  }
  if (resourceDocumentation !== undefined) {
    document.resource_documentation = parseServerUrl(resourceDocumentation, 'resourceDocumentation').href;
  }

  return document;
}

/**
 * Returns the paths at which {@link protectedResourceMetadataHandler} serves the document:
 * the RFC 9728 section 3.1 form with the resource's path appended
 * (`/.well-known/oauth-protected-resource/mcp` for a resource at `/mcp`), then the bare form.
 */
export function protectedResourceMetadataPaths(resourceUrl: string | URL): string[] {
  // The same rule as the MCP SDK's getOAuthProtectedResourceMetadataUrl, so that the URL that
  // requireBearerAuth advertises is one that this handler serves.
  const { pathname } = readResourceUrl(resourceUrl);

  return pathname === '/' ? [WELL_KNOWN_PATH] : [`${WELL_KNOWN_PATH}${pathname}`, WELL_KNOWN_PATH];
}

/** A Connect-style request handler: usable as express middleware and as a node:http listener. */
export type MetadataRequestHandler = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * Creates a handler that serves {@link protectedResourceMetadata} at each of
 * {@link protectedResourceMetadataPaths} to GET and HEAD, responds to CORS preflights, and
 * responds with 405 to other methods there. Other paths go to `next`, or get 404 without one.
 * Mount it at the application root: it matches the full request path.
 *
 * The bare path serves the same document, for clients that look there first. Strictly,
 * RFC 9728 section 3.3 expects the `resource` of that document to be the origin, so a client
 * that checks this rejects it and must use the path-suffixed URL, which `requireBearerAuth`
 * advertises in `WWW-Authenticate` when given `resourceMetadataUrl`.
 *
 * @throws {TypeError} naming the option, when an option is invalid.
 */
export function protectedResourceMetadataHandler(options: ProtectedResourceMetadataOptions): MetadataRequestHandler {
  const body = JSON.stringify(protectedResourceMetadata(options));
  const paths = new Set(protectedResourceMetadataPaths(options.resourceUrl));

  return (request, response, next) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!paths.has(path)) {
      if (next !== undefined) {
        next();
        return;
      }
      response.writeHead(404).end();
      return;
    }

    // Browser-based MCP clients read this document across origins.
    response.setHeader('Access-Control-Allow-Origin', '*');

    switch (request.method) {
      case 'GET':
      case 'HEAD':
        response.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
        });
        response.end(request.method === 'GET' ? body : undefined);
        return;
      case 'OPTIONS':
        response.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': '*',
        });
        response.end();
        return;
      default:
        response.writeHead(405, { Allow: 'GET, HEAD, OPTIONS' });
        response.end();
    }
  };
}

function readResourceUrl(value: unknown): URL {
  return parseServerUrl(value instanceof URL ? value.href : value, 'resourceUrl');
}
