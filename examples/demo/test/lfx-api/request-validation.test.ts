import { describe, expect, it } from 'vitest';

import { checkRequest, loadOpenApiDocument, PROJECT_SERVICE_SPEC, type MatchedRequest, type RequestFacts } from '../../src/lfx-api/index.js';

const document = loadOpenApiDocument(PROJECT_SERVICE_SPEC);
const PROJECT = '5168c748-9e22-424b-900e-30b53c3227e5';
const LINK = '709bdfa5-7dc8-4556-8b92-f46484797bb7';

function facts(method: string, target: string, extra: Partial<RequestFacts> = {}): RequestFacts {
  const url = new URL(target, 'http://127.0.0.1');
  return { method, pathname: url.pathname, query: url.searchParams, headers: {}, contentType: undefined, body: undefined, ...extra };
}

function json(body: unknown): Partial<RequestFacts> {
  return { contentType: 'application/json', body };
}

describe('checkRequest accepts', () => {
  const cases: { name: string; request: RequestFacts; operationId: string; parameters: Record<string, unknown> }[] = [
    { name: 'the project list', request: facts('GET', '/projects'), operationId: 'getProjects', parameters: {} },
    { name: 'the version parameter', request: facts('GET', '/projects?v=1'), operationId: 'getProjects', parameters: { v: '1' } },
    { name: 'an empty version parameter', request: facts('GET', '/projects?v='), operationId: 'getProjects', parameters: {} },
    {
      name: 'a project by uid',
      request: facts('GET', `/projects/${PROJECT}?v=1`),
      operationId: 'getOneProjectBase',
      parameters: { v: '1', uid: PROJECT },
    },
    {
      name: 'the settings of a project',
      request: facts('GET', `/projects/${PROJECT}/settings`),
      operationId: 'getOneProjectSettings',
      parameters: { uid: PROJECT },
    },
    {
      name: 'a link by uid',
      request: facts('GET', `/projects/${PROJECT}/links/${LINK}`),
      operationId: 'getProjectLink',
      parameters: { uid: PROJECT, link_uid: LINK },
    },
    {
      name: 'typed header parameters',
      request: facts('DELETE', `/projects/${PROJECT}`, { headers: { 'x-sync': 'true', 'if-match': '"3"' } }),
      operationId: 'deleteProject',
      parameters: { uid: PROJECT, 'X-Sync': true, 'If-Match': '"3"' },
    },
    {
      name: 'a JSON body that matches its schema',
      request: facts('POST', `/projects/${PROJECT}/links`, json({ name: 'Docs', url: 'https://docs.example.org' })),
      operationId: 'createProjectLink',
      parameters: { uid: PROJECT },
    },
  ];

  it.each(cases)('$name', ({ request, operationId, parameters }) => {
    const checked = checkRequest(document, request);

    expect(checked).toMatchObject({ ok: true, operation: { operationId } });
    expect((checked as MatchedRequest).parameters).toEqual(parameters);
  });
});

describe('checkRequest rejects', () => {
  const cases: { name: string; request: RequestFacts; status: number; message: string }[] = [
    {
      name: 'an unknown path',
      request: facts('GET', '/committees'),
      status: 404,
      message: 'no operation has the path "/committees"',
    },
    { name: 'a method the path does not allow', request: facts('PATCH', '/projects'), status: 405, message: 'PATCH is not allowed on /projects' },
    {
      name: 'a version the spec does not list',
      request: facts('GET', '/projects?v=2'),
      status: 400,
      message: 'the query parameter "v" is invalid: v: "2" is not one of ["1"]',
    },
    {
      name: 'an undeclared query parameter',
      request: facts('GET', '/projects?name=appleseed'),
      status: 400,
      message: 'the query parameter "name" is not defined for getProjects',
    },
    {
      name: 'a repeated query parameter',
      request: facts('GET', '/projects?v=1&v=1'),
      status: 400,
      message: 'the query parameter "v" appears more than once',
    },
    {
      name: 'a uid that is not a UUID',
      request: facts('GET', '/projects/appleseed'),
      status: 400,
      message: 'the path parameter "uid" is invalid: uid: "appleseed" is not a valid uuid',
    },
    {
      name: 'a boolean header that is not true or false',
      request: facts('DELETE', `/projects/${PROJECT}`, { headers: { 'x-sync': 'yes' } }),
      status: 400,
      message: 'the header parameter "X-Sync" must be true or false',
    },
    {
      name: 'a body without its required fields',
      request: facts('POST', `/projects/${PROJECT}/links`, json({ name: 'Docs' })),
      status: 400,
      message: 'the request body is invalid: body: is missing the required property "url"',
    },
    {
      name: 'a body field of the wrong format',
      request: facts('POST', `/projects/${PROJECT}/links`, json({ name: 'Docs', url: 'not a url' })),
      status: 400,
      message: 'the request body is invalid: body.url: "not a url" is not a valid uri',
    },
    {
      name: 'a media type the operation does not accept',
      request: facts('POST', `/projects/${PROJECT}/links`, { contentType: 'text/plain' }),
      status: 400,
      message: 'createProjectLink accepts application/json, not "text/plain"',
    },
    {
      name: 'a missing required body',
      request: facts('POST', '/projects'),
      status: 400,
      message: 'createProject requires a request body',
    },
    {
      name: 'a body on an operation that takes none',
      request: facts('GET', '/projects', json({})),
      status: 400,
      message: 'getProjects takes no request body',
    },
  ];

  it.each(cases)('$name', ({ request, status, message }) => {
    expect(checkRequest(document, request)).toMatchObject({ ok: false, status, message });
  });

  it('names the matched operation in a rejection', () => {
    const checked = checkRequest(document, facts('GET', '/projects/appleseed'));

    expect(checked).toMatchObject({ ok: false, operation: { operationId: 'getOneProjectBase' } });
  });
});
