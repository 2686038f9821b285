import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startStandIn, type StandInFixture } from '../support/lfx-api.js';

const PROJECT = '5168c748-9e22-424b-900e-30b53c3227e5';

describe('LFX API stand-in', () => {
  let standIn: StandInFixture;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn.cleanup.run());

  describe('authentication', () => {
    it('serves a request with a valid token', async () => {
      const response = await standIn.request('/projects?v=1');

      expect(response.status).toBe(200);
      expect(((await response.json()) as { projects: unknown[] }).projects).toHaveLength(5);
    });

    it('rejects a request without a token', async () => {
      const response = await standIn.request('/projects', { authorization: null });

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_request"');
      expect(await response.json()).toEqual({ code: '401', message: 'missing bearer token' });
    });

    const rejected: { name: string; claims: Record<string, unknown> }[] = [
      { name: 'a token for another audience', claims: { aud: 'http://127.0.0.1:1/mcp' } },
      { name: 'a token from another issuer', claims: { iss: 'http://127.0.0.1:2' } },
      { name: 'an expired token', claims: { exp: Math.floor(Date.now() / 1000) - 3600 } },
    ];
    it.each(rejected)('rejects $name', async ({ claims }) => {
      const token = await standIn.token(claims);
      const response = await standIn.request('/projects', { authorization: `Bearer ${token}` });

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(await response.json()).toEqual({
        code: '401',
        message: 'the token is invalid, expired, or not issued for the LFX API',
      });
    });

    it('rejects a token with a tampered signature', async () => {
      const token = await standIn.token();
      const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

      const response = await standIn.request('/projects', { authorization: `Bearer ${tampered}` });

      expect(response.status).toBe(401);
    });
  });

  describe('requests', () => {
    it('answers an invalid parameter with the 400 body of the spec', async () => {
      const response = await standIn.request('/projects?v=2');

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        code: '400',
        message: 'the query parameter "v" is invalid: v: "2" is not one of ["1"]',
      });
    });

    it('answers an invalid uid with 404 where the spec declares no 400', async () => {
      const response = await standIn.request('/projects/appleseed');

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        code: '404',
        message: 'the path parameter "uid" is invalid: uid: "appleseed" is not a valid uuid',
      });
    });

    it('answers an unknown project with 404', async () => {
      const response = await standIn.request('/projects/00000000-0000-4000-8000-000000000000');

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        code: '404',
        message: 'no project has the uid "00000000-0000-4000-8000-000000000000"',
      });
    });

    it('answers a valid write with 503', async () => {
      const response = await standIn.request(`/projects/${PROJECT}/links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Docs', url: 'https://docs.example.org' }),
      });

      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ code: '503', message: 'createProjectLink is not served: the demo stand-in is read-only' });
    });

    it('answers a body that is not JSON with 400', async () => {
      const response = await standIn.request(`/projects/${PROJECT}/links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":',
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: '400', message: 'the request body is not valid JSON' });
    });

    it('records fingerprints and never the token', async () => {
      const token = await standIn.token({ sub: 'auth0|recorded' });
      await (await standIn.request(`/projects/${PROJECT}`, { authorization: `Bearer ${token}` })).body?.cancel();

      const record = standIn.api.requests.at(-1);
      expect(record).toEqual({
        method: 'GET',
        path: `/projects/${PROJECT}`,
        status: 200,
        operationId: 'getOneProjectBase',
        subject: 'auth0|recorded',
        clientId: 'test-mcp-server',
        tokenFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
      });
      expect(JSON.stringify(standIn.api.requests)).not.toContain(token);
    });
  });
});
