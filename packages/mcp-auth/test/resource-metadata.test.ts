import { createServer, type Server } from 'node:http';

import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createJwtVerifier,
  protectedResourceMetadata,
  protectedResourceMetadataHandler,
  protectedResourceMetadataPaths,
} from '../src/index.js';
import { close, listen } from './support/http.js';

const AS = 'https://auth.example.test';

describe('protectedResourceMetadata', () => {
  it('builds the document', () => {
    const document = protectedResourceMetadata({
      resourceUrl: 'https://mcp.example.test/mcp',
      authorizationServers: [AS],
      scopesSupported: ['openid', 'profile'],
      resourceName: 'LFX MCP',
      resourceDocumentation: 'https://docs.example.test/mcp',
    });

    expect(document).toEqual({
      resource: 'https://mcp.example.test/mcp',
      authorization_servers: [AS],
      scopes_supported: ['openid', 'profile'],
      bearer_methods_supported: ['header'],
      resource_name: 'LFX MCP',
      resource_documentation: 'https://docs.example.test/mcp',
    });
  });

  it('omits optional members that are absent', () => {
    const document = protectedResourceMetadata({ resourceUrl: new URL('https://mcp.example.test'), authorizationServers: [AS] });

    expect(document).toEqual({
      resource: 'https://mcp.example.test/',
      authorization_servers: [AS],
      bearer_methods_supported: ['header'],
    });
  });

  it('keeps issuer identifiers exactly as given', () => {
    const document = protectedResourceMetadata({ resourceUrl: 'https://mcp.example.test/mcp', authorizationServers: [`${AS}/`] });

    expect(document.authorization_servers).toEqual([`${AS}/`]);
  });

  it.each([
    [{ resourceUrl: 'http://mcp.example.test/mcp' }, 'resourceUrl must use https (http is allowed only on localhost, 127.0.0.0/8 and [::1]).'],
    [{ resourceUrl: 'https://mcp.example.test/mcp#x' }, 'resourceUrl must not contain a query or a fragment.'],
    [{ authorizationServers: [] }, 'authorizationServers must be a non-empty array of issuer URLs.'],
    [{ authorizationServers: ['auth.example.test'] }, 'authorizationServers[0] is not a valid absolute URL.'],
    [{ scopesSupported: [''] }, 'scopesSupported must be an array of non-empty strings.'],
    [{ resourceName: '' }, 'resourceName must be a non-empty string.'],
  ])('rejects %j', (overrides, message) => {
    const build = () =>
      protectedResourceMetadata({ resourceUrl: 'https://mcp.example.test/mcp', authorizationServers: [AS], ...(overrides as object) });

    expect(build).toThrow(new TypeError(message));
  });
});

describe('protectedResourceMetadataPaths', () => {
  it('lists the suffixed and bare paths for a resource with a path', () => {
    expect(protectedResourceMetadataPaths('https://mcp.example.test/mcp')).toEqual([
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/oauth-protected-resource',
    ]);
  });

  it('lists the bare path for a resource at the root', () => {
    expect(protectedResourceMetadataPaths('https://mcp.example.test/')).toEqual(['/.well-known/oauth-protected-resource']);
  });

  it.each(['https://mcp.example.test/mcp', 'https://mcp.example.test/a/b/', 'https://mcp.example.test'])(
    'contains the SDK metadata URL path for %s',
    (resourceUrl) => {
      const advertised = new URL(getOAuthProtectedResourceMetadataUrl(new URL(resourceUrl))).pathname;

      expect(protectedResourceMetadataPaths(resourceUrl)).toContain(advertised);
    },
  );
});

/** Starts an MCP-like express app with the metadata at the root and `requireBearerAuth` on `mcpPath`. */
async function startResourceServer(mcpPath: string): Promise<{ server: Server; origin: string; resourceUrl: string }> {
  const app = express();
  const server = createServer(app);
  const origin = await listen(server);
  const resourceUrl = `${origin}${mcpPath}`;
  const verifier = createJwtVerifier({ authServers: [AS], audience: resourceUrl });

  app.use(protectedResourceMetadataHandler({ resourceUrl, authorizationServers: [AS], scopesSupported: ['openid'] }));
  app.post(
    mcpPath,
    requireBearerAuth({ verifier, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(new URL(resourceUrl)) }),
    (_request, response) => {
      response.status(204).end();
    },
  );

  return { server, origin, resourceUrl };
}

describe('protectedResourceMetadataHandler', () => {
  let atPath: Awaited<ReturnType<typeof startResourceServer>>;
  let atRoot: Awaited<ReturnType<typeof startResourceServer>>;

  beforeAll(async () => {
    atPath = await startResourceServer('/mcp');
    atRoot = await startResourceServer('/');
  });

  afterAll(async () => {
    await close(atPath?.server);
    await close(atRoot?.server);
  });

  it('serves the document at the path-suffixed URL', async () => {
    const response = await fetch(`${atPath.origin}/.well-known/oauth-protected-resource/mcp`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toBe(
      `{"resource":"${atPath.origin}/mcp","authorization_servers":["${AS}"],"bearer_methods_supported":["header"],"scopes_supported":["openid"]}`,
    );
  });

  it('serves the same document at the bare URL', async () => {
    const response = await fetch(`${atPath.origin}/.well-known/oauth-protected-resource`);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      `{"resource":"${atPath.origin}/mcp","authorization_servers":["${AS}"],"bearer_methods_supported":["header"],"scopes_supported":["openid"]}`,
    );
  });

  it('serves the document of a root resource at the bare URL', async () => {
    const response = await fetch(`${atRoot.origin}/.well-known/oauth-protected-resource`);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      `{"resource":"${atRoot.origin}/","authorization_servers":["${AS}"],"bearer_methods_supported":["header"],"scopes_supported":["openid"]}`,
    );
  });

  it('ignores the query string', async () => {
    const response = await fetch(`${atPath.origin}/.well-known/oauth-protected-resource/mcp?x=1`);

    expect(response.status).toBe(200);
  });

  it('responds to HEAD without a body', async () => {
    const response = await fetch(`${atPath.origin}/.well-known/oauth-protected-resource/mcp`, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('responds to a CORS preflight', async () => {
    const response = await fetch(`${atPath.origin}/.well-known/oauth-protected-resource/mcp`, { method: 'OPTIONS' });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });

  it('responds 405 to POST', async () => {
    const response = await fetch(`${atPath.origin}/.well-known/oauth-protected-resource/mcp`, { method: 'POST' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('passes other paths to the next handler', async () => {
    const response = await fetch(`${atPath.origin}/.well-known/oauth-protected-resource/other`);

    expect(response.status).toBe(404);
  });

  it('responds 404 without a next handler', async () => {
    const handler = protectedResourceMetadataHandler({ resourceUrl: 'https://mcp.example.test/mcp', authorizationServers: [AS] });
    const server = createServer((request, response) => handler(request, response));
    const origin = await listen(server);

    try {
      const found = await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`);
      const missing = await fetch(`${origin}/elsewhere`);

      expect(found.status).toBe(200);
      expect(missing.status).toBe(404);
    } finally {
      await close(server);
    }
  });

  it('advertises the path-suffixed URL in the 401 of a resource at /mcp', async () => {
    const response = await fetch(`${atPath.origin}/mcp`, { method: 'POST' });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="Missing Authorization header", resource_metadata="${atPath.origin}/.well-known/oauth-protected-resource/mcp"`,
    );
  });

  it('advertises the bare URL in the 401 of a resource at the root', async () => {
    const response = await fetch(`${atRoot.origin}/`, { method: 'POST' });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="Missing Authorization header", resource_metadata="${atRoot.origin}/.well-known/oauth-protected-resource"`,
    );
  });

  it('advertises the metadata URL when the verifier rejects the token', async () => {
    const response = await fetch(`${atPath.origin}/mcp`, { method: 'POST', headers: { authorization: 'Bearer not-a-jwt' } });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="The bearer token is not a valid JWT", resource_metadata="${atPath.origin}/.well-known/oauth-protected-resource/mcp"`,
    );
    expect(await response.json()).toEqual({ error: 'invalid_token', error_description: 'The bearer token is not a valid JWT' });
  });
});
