import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createProjectClient, toFormData, type components, type ProjectClient } from '../src/index.js';
import { ApiServer, type RecordedRequest } from './support/api-server.js';
import { ACCESS_TOKEN, createAuthMiddleware, ScriptedTokenClient } from './support/auth.js';
import {
  conflictError,
  DOCUMENT_UID,
  FOLDER_UID,
  LINK_UID,
  PARENT_UID,
  PROJECT_UID,
  projectBase,
  projectDocument,
  projectFolder,
  projectFull,
  projectLink,
  projectSettings,
  userInfo,
} from './support/fixtures.js';

type Schemas = components['schemas'];

const ETAG = '"7"';

let api: ApiServer;
let client: ProjectClient;

beforeAll(async () => {
  api = await ApiServer.start();
  client = createProjectClient({ baseUrl: api.baseUrl, middleware: [createAuthMiddleware()] });
});

afterAll(async () => {
  await api.close();
});

beforeEach(() => {
  api.reset();
});

/** Asserts what every request to the project service carries: `v=1` and the exchanged token. */
function expectServiceRequest(request: RecordedRequest, method: string, path: string): void {
  expect(request.method).toBe(method);
  expect(request.path).toBe(path);
  expect([...request.query]).toEqual([['v', '1']]);
  expect(request.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
}

function jsonBody(request: RecordedRequest): unknown {
  expect(request.headers['content-type']).toBe('application/json');
  return JSON.parse(request.body.toString('utf8'));
}

describe('projects', () => {
  it('getProjects lists projects with Cache-Control', async () => {
    const body: Schemas['GetProjectsResponseBody'] = { projects: [projectFull] };
    api.respondWith({ status: 200, headers: { 'Cache-Control': 'public, max-age=300' }, body });

    const { data, error, response } = await client.GET('/projects');

    const request = api.onlyRequest();
    expectServiceRequest(request, 'GET', '/projects');
    expect(request.body.length).toBe(0);
    expect(error).toBeUndefined();
    expect(data?.projects[0]?.slug).toBe('analytical-engine');
    expect(data?.projects[0]?.writers?.[0]?.username).toBe('ada');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it('createProject posts JSON with X-Sync', async () => {
    const requestBody: Schemas['CreateProjectRequestBody'] = {
      slug: 'analytical-engine',
      name: 'Analytical Engine',
      description: 'A general-purpose mechanical computer.',
      parent_uid: PARENT_UID,
      stage: 'Active',
      writers: [userInfo],
    };
    api.respondWith({ status: 201, body: projectFull });

    const { data, response } = await client.POST('/projects', { params: { header: { 'X-Sync': true } }, body: requestBody });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'POST', '/projects');
    expect(request.headers['x-sync']).toBe('true');
    expect(jsonBody(request)).toEqual(requestBody);
    expect(response.status).toBe(201);
    expect(data?.uid).toBe(PROJECT_UID);
  });

  it('getOneProjectBase returns the project and its ETag', async () => {
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectBase });

    const { data, response } = await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });

    expectServiceRequest(api.onlyRequest(), 'GET', `/projects/${PROJECT_UID}`);
    expect(data?.name).toBe('Analytical Engine');
    expect(data?.funding_model).toEqual(['Membership']);
    expect(response.headers.get('ETag')).toBe(ETAG);
  });

  it('updateProjectBase sends If-Match and X-Sync', async () => {
    const requestBody: Schemas['UpdateProjectBaseRequestBody'] = {
      slug: 'analytical-engine',
      name: 'Analytical Engine II',
      description: 'A general-purpose mechanical computer.',
      parent_uid: PARENT_UID,
    };
    api.respondWith({ status: 200, body: { ...projectBase, name: 'Analytical Engine II' } });

    const { data } = await client.PUT('/projects/{uid}', {
      params: { path: { uid: PROJECT_UID }, header: { 'If-Match': ETAG, 'X-Sync': true } },
      body: requestBody,
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'PUT', `/projects/${PROJECT_UID}`);
    expect(request.headers['if-match']).toBe(ETAG);
    expect(request.headers['x-sync']).toBe('true');
    expect(jsonBody(request)).toEqual(requestBody);
    expect(data?.name).toBe('Analytical Engine II');
  });

  it('deleteProject sends If-Match and gets 204', async () => {
    api.respondWith({ status: 204 });

    const { data, error, response } = await client.DELETE('/projects/{uid}', {
      params: { path: { uid: PROJECT_UID }, header: { 'If-Match': ETAG } },
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'DELETE', `/projects/${PROJECT_UID}`);
    expect(request.headers['if-match']).toBe(ETAG);
    expect(request.headers['x-sync']).toBeUndefined();
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });
});

describe('settings', () => {
  it('getOneProjectSettings returns settings and ETag', async () => {
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectSettings });

    const { data, response } = await client.GET('/projects/{uid}/settings', { params: { path: { uid: PROJECT_UID } } });

    expectServiceRequest(api.onlyRequest(), 'GET', `/projects/${PROJECT_UID}/settings`);
    expect(data?.mission_statement).toBe('Compute Bernoulli numbers.');
    expect(data?.executive_director?.email).toBe('ada@example.org');
    expect(response.headers.get('ETag')).toBe(ETAG);
  });

  it('updateProjectSettings sends If-Match', async () => {
    const requestBody: Schemas['UpdateProjectSettingsRequestBody'] = {
      mission_statement: 'Compute Bernoulli numbers faster.',
      auditors: [userInfo],
    };
    api.respondWith({ status: 200, body: { ...projectSettings, ...requestBody } });

    const { data } = await client.PUT('/projects/{uid}/settings', {
      params: { path: { uid: PROJECT_UID }, header: { 'If-Match': ETAG } },
      body: requestBody,
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'PUT', `/projects/${PROJECT_UID}/settings`);
    expect(request.headers['if-match']).toBe(ETAG);
    expect(jsonBody(request)).toEqual(requestBody);
    expect(data?.auditors?.[0]?.name).toBe('Ada Lovelace');
  });
});

describe('documents', () => {
  it('uploadProjectDocument posts multipart/form-data', async () => {
    const pdf = new Blob(['%PDF-'], { type: 'application/pdf' });
    api.respondWith({ status: 201, body: projectDocument });

    const { data } = await client.POST('/projects/{uid}/documents', {
      params: { path: { uid: PROJECT_UID }, header: { 'X-Sync': true } },
      body: { name: 'Charter', file: pdf, file_name: 'charter.pdf', content_type: 'application/pdf', folder_uid: FOLDER_UID },
      bodySerializer: toFormData,
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'POST', `/projects/${PROJECT_UID}/documents`);
    expect(request.headers['x-sync']).toBe('true');
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);

    const form = await new Response(request.body, { headers: { 'Content-Type': request.headers['content-type'] ?? '' } }).formData();
    expect([...form.keys()]).toEqual(['name', 'file', 'file_name', 'content_type', 'folder_uid']);
    expect(form.get('name')).toBe('Charter');
    expect(form.get('file_name')).toBe('charter.pdf');
    expect(form.get('content_type')).toBe('application/pdf');
    expect(form.get('folder_uid')).toBe(FOLDER_UID);
    const file = form.get('file');
    expect(file).toBeInstanceOf(Blob);
    expect(await (file as Blob).text()).toBe('%PDF-');
    expect(data?.uid).toBe(DOCUMENT_UID);
  });

  it('getProjectDocument returns metadata and ETag', async () => {
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectDocument });

    const { data, response } = await client.GET('/projects/{uid}/documents/{document_uid}', {
      params: { path: { uid: PROJECT_UID, document_uid: DOCUMENT_UID } },
    });

    expectServiceRequest(api.onlyRequest(), 'GET', `/projects/${PROJECT_UID}/documents/${DOCUMENT_UID}`);
    expect(data?.file_size).toBe(5);
    expect(data?.created_by?.username).toBe('ada');
    expect(response.headers.get('ETag')).toBe(ETAG);
  });

  it('downloadProjectDocument reads the content as a Blob', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    api.respondWith({ status: 200, headers: { 'Content-Type': 'application/pdf' }, body: bytes });

    const { data } = await client.GET('/projects/{uid}/documents/{document_uid}/download', {
      params: { path: { uid: PROJECT_UID, document_uid: DOCUMENT_UID } },
      parseAs: 'blob',
    });

    expectServiceRequest(api.onlyRequest(), 'GET', `/projects/${PROJECT_UID}/documents/${DOCUMENT_UID}/download`);
    expect(data?.type).toBe('application/pdf');
    expect(Buffer.from(await data!.arrayBuffer())).toEqual(bytes);
  });

  it('downloadProjectDocument reads the content as a stream', async () => {
    const bytes = Buffer.from('line one\nline two\n');
    api.respondWith({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: bytes });

    const { data } = await client.GET('/projects/{uid}/documents/{document_uid}/download', {
      params: { path: { uid: PROJECT_UID, document_uid: DOCUMENT_UID } },
      parseAs: 'stream',
    });

    expectServiceRequest(api.onlyRequest(), 'GET', `/projects/${PROJECT_UID}/documents/${DOCUMENT_UID}/download`);
    expect(data).toBeInstanceOf(ReadableStream);
    expect(await new Response(data).text()).toBe('line one\nline two\n');
  });

  it('deleteProjectDocument sends If-Match and X-Sync', async () => {
    api.respondWith({ status: 204 });

    const { response } = await client.DELETE('/projects/{uid}/documents/{document_uid}', {
      params: { path: { uid: PROJECT_UID, document_uid: DOCUMENT_UID }, header: { 'If-Match': ETAG, 'X-Sync': true } },
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'DELETE', `/projects/${PROJECT_UID}/documents/${DOCUMENT_UID}`);
    expect(request.headers['if-match']).toBe(ETAG);
    expect(request.headers['x-sync']).toBe('true');
    expect(response.status).toBe(204);
  });
});

describe('folders', () => {
  it('createProjectFolder posts the folder name', async () => {
    api.respondWith({ status: 201, body: projectFolder });

    const { data } = await client.POST('/projects/{uid}/folders', {
      params: { path: { uid: PROJECT_UID } },
      body: { name: 'Governance' },
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'POST', `/projects/${PROJECT_UID}/folders`);
    expect(jsonBody(request)).toEqual({ name: 'Governance' });
    expect(data?.uid).toBe(FOLDER_UID);
  });

  it('getProjectFolder returns the folder and ETag', async () => {
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectFolder });

    const { data, response } = await client.GET('/projects/{uid}/folders/{folder_uid}', {
      params: { path: { uid: PROJECT_UID, folder_uid: FOLDER_UID } },
    });

    expectServiceRequest(api.onlyRequest(), 'GET', `/projects/${PROJECT_UID}/folders/${FOLDER_UID}`);
    expect(data?.name).toBe('Governance');
    expect(response.headers.get('ETag')).toBe(ETAG);
  });

  it('deleteProjectFolder sends If-Match', async () => {
    api.respondWith({ status: 204 });

    const { response } = await client.DELETE('/projects/{uid}/folders/{folder_uid}', {
      params: { path: { uid: PROJECT_UID, folder_uid: FOLDER_UID }, header: { 'If-Match': ETAG } },
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'DELETE', `/projects/${PROJECT_UID}/folders/${FOLDER_UID}`);
    expect(request.headers['if-match']).toBe(ETAG);
    expect(response.status).toBe(204);
  });
});

describe('links', () => {
  it('createProjectLink posts the link with X-Sync', async () => {
    const requestBody: Schemas['CreateProjectLinkRequestBody'] = {
      name: 'Repository',
      url: 'https://git.example.org/analytical-engine',
      folder_uid: FOLDER_UID,
    };
    api.respondWith({ status: 201, body: projectLink });

    const { data } = await client.POST('/projects/{uid}/links', {
      params: { path: { uid: PROJECT_UID }, header: { 'X-Sync': true } },
      body: requestBody,
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'POST', `/projects/${PROJECT_UID}/links`);
    expect(request.headers['x-sync']).toBe('true');
    expect(jsonBody(request)).toEqual(requestBody);
    expect(data?.uid).toBe(LINK_UID);
  });

  it('getProjectLink returns the link and ETag', async () => {
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectLink });

    const { data, response } = await client.GET('/projects/{uid}/links/{link_uid}', {
      params: { path: { uid: PROJECT_UID, link_uid: LINK_UID } },
    });

    expectServiceRequest(api.onlyRequest(), 'GET', `/projects/${PROJECT_UID}/links/${LINK_UID}`);
    expect(data?.url).toBe('https://git.example.org/analytical-engine');
    expect(response.headers.get('ETag')).toBe(ETAG);
  });

  it('deleteProjectLink sends If-Match', async () => {
    api.respondWith({ status: 204 });

    const { response } = await client.DELETE('/projects/{uid}/links/{link_uid}', {
      params: { path: { uid: PROJECT_UID, link_uid: LINK_UID }, header: { 'If-Match': ETAG } },
    });

    const request = api.onlyRequest();
    expectServiceRequest(request, 'DELETE', `/projects/${PROJECT_UID}/links/${LINK_UID}`);
    expect(request.headers['if-match']).toBe(ETAG);
    expect(response.status).toBe(204);
  });
});

describe('conditional update', () => {
  it('passes the read ETag as If-Match', async () => {
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectBase });
    api.respondWith({ status: 200, body: projectBase });

    const read = await client.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });
    const etag = read.response.headers.get('ETag') ?? undefined;
    await client.PUT('/projects/{uid}', {
      params: { path: { uid: PROJECT_UID }, header: { 'If-Match': etag } },
      body: { slug: 'analytical-engine', name: 'Analytical Engine', description: 'Renamed.', parent_uid: PARENT_UID },
    });

    expect(api.requests.map((request) => request.headers['if-match'])).toEqual([undefined, ETAG]);
  });

  it('returns a stale If-Match as a typed 409', async () => {
    api.respondWith({ status: 409, body: conflictError });

    const { data, error, response } = await client.PUT('/projects/{uid}', {
      params: { path: { uid: PROJECT_UID }, header: { 'If-Match': '"6"' } },
      body: { slug: 'analytical-engine', name: 'Analytical Engine', description: 'Renamed.', parent_uid: PARENT_UID },
    });

    expect(response.status).toBe(409);
    expect(data).toBeUndefined();
    expect(error).toEqual({ code: '409', message: 'revision mismatch' });
  });
});

describe('authorization', () => {
  it('exchanges the subject token once for many requests', async () => {
    const freshTokenClient = new ScriptedTokenClient();
    const freshClient = createProjectClient({ baseUrl: api.baseUrl, middleware: [createAuthMiddleware(freshTokenClient)] });
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectBase });
    api.respondWith({ status: 200, headers: { ETag: ETAG }, body: projectSettings });

    await freshClient.GET('/projects/{uid}', { params: { path: { uid: PROJECT_UID } } });
    await freshClient.GET('/projects/{uid}/settings', { params: { path: { uid: PROJECT_UID } } });

    expect(api.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${ACCESS_TOKEN}`, `Bearer ${ACCESS_TOKEN}`]);
    expect(freshTokenClient.exchanges).toBe(1);
  });
});
