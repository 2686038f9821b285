import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  checkResponse,
  createDemoData,
  loadOpenApiDocument,
  PROJECT_SERVICE_SPEC,
  type OperationObject,
} from '../../src/lfx-api/index.js';
import { startStandIn, type StandInFixture } from '../support/lfx-api.js';

const document = loadOpenApiDocument(PROJECT_SERVICE_SPEC);
const data = createDemoData();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

function operation(path: string, method: string): OperationObject {
  const found = document.paths[path]?.[method];
  if (found === undefined) {
    throw new Error(`the spec has no ${method} ${path}`);
  }
  return found;
}

interface Case {
  name: string;
  path: string;
  template: string;
  method?: string;
  init?: RequestInit;
  status: number;
  /** Response headers that the spec declares for this status. */
  headers?: string[];
}

const cases: Case[] = [
  { name: 'the project list', path: '/projects?v=1', template: '/projects', status: 200, headers: ['cache-control'] },
  ...data.flatMap((record): Case[] => [
    { name: `project ${record.base.slug}`, path: `/projects/${record.base.uid}`, template: '/projects/{uid}', status: 200, headers: ['etag'] },
    {
      name: `settings of ${record.base.slug}`,
      path: `/projects/${record.base.uid}/settings`,
      template: '/projects/{uid}/settings',
      status: 200,
      headers: ['etag'],
    },
    ...record.links.map((link) => ({
      name: `link ${String(link.name)} of ${record.base.slug}`,
      path: `/projects/${record.base.uid}/links/${String(link.uid)}`,
      template: '/projects/{uid}/links/{link_uid}',
      status: 200,
      headers: ['etag'],
    })),
  ]),
  { name: 'an unknown project', path: `/projects/${UNKNOWN}`, template: '/projects/{uid}', status: 404 },
  { name: 'unknown settings', path: `/projects/${UNKNOWN}/settings`, template: '/projects/{uid}/settings', status: 404 },
  {
    name: 'an unknown link',
    path: `/projects/${data[0]?.base.uid}/links/${UNKNOWN}`,
    template: '/projects/{uid}/links/{link_uid}',
    status: 404,
  },
  { name: 'a folder', path: `/projects/${data[0]?.base.uid}/folders/${UNKNOWN}`, template: '/projects/{uid}/folders/{folder_uid}', status: 404 },
  {
    name: 'a document',
    path: `/projects/${data[0]?.base.uid}/documents/${UNKNOWN}`,
    template: '/projects/{uid}/documents/{document_uid}',
    status: 404,
  },
  { name: 'an invalid uid where no 400 is declared', path: '/projects/not-a-uuid/settings', template: '/projects/{uid}/settings', status: 404 },
  { name: 'an invalid version where 400 is declared', path: '/projects?v=2', template: '/projects', status: 400 },
  { name: 'a project deletion', path: `/projects/${data[1]?.base.uid}`, template: '/projects/{uid}', method: 'delete', init: { method: 'DELETE' }, status: 503 },
];

describe('stand-in responses conform to the project service spec', () => {
  let standIn: StandInFixture;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn.cleanup.run());

  it.each(cases)('$name', async ({ path, template, method = 'get', init, status, headers = [] }) => {
    const response = await standIn.request(path, init);
    const body: unknown = await response.json();

    expect(response.status).toBe(status);
    expect(checkResponse(document, operation(template, method), response.status, body)).toEqual([]);
    for (const header of headers) {
      expect(response.headers.get(header), header).not.toBeNull();
    }
  });

  it('serves every project of the data set in the list', async () => {
    const response = await standIn.request('/projects');
    const { projects } = (await response.json()) as { projects: { uid: string }[] };

    expect(projects.map((project) => project.uid)).toEqual(data.map((record) => record.base.uid));
  });
});

describe('checkResponse', () => {
  it('reports a body that breaks the spec', () => {
    const project = { ...data[1]?.base, category: 'Bogus', created_at: 'yesterday' };

    expect(checkResponse(document, operation('/projects/{uid}', 'get'), 200, project)).toEqual([
      '$.category: "Bogus" is not one of ["Active","Adopted","Archived","At-Large","Early Adoption","Emeritus","Graduated","Growth","Idle","Impact","Incubating","Kanister","Mature","Pre-LFESS","Sandbox","SIG","Standards","TAC","Working Group","TAG","NONE"]',
      '$.created_at: "yesterday" is not a valid date-time',
    ]);
  });

  it('reports a status the operation does not declare', () => {
    expect(checkResponse(document, operation('/projects', 'get'), 404, { code: '404', message: 'x' })).toEqual([
      'getProjects declares no 404 response',
    ]);
  });
});
