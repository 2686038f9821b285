import { describe, expect, it } from 'vitest';

import { importGoaDocument, renderImportedSpec, toCamelCaseOperationId } from '../../../../scripts/gen/goa-import.js';

/** A small document in the shape Goa generates, with prose and examples at every level. */
const goaDocument = {
  openapi: '3.0.3',
  info: { title: 'Widget Service', description: 'Widgets for all.', version: '0.1.0' },
  servers: [{ url: 'http://localhost:80', description: 'Default server' }],
  paths: {
    '/widgets/{uid}': {
      put: {
        tags: ['widget-service'],
        summary: 'update-widget widget-service',
        description: 'Update a widget.',
        operationId: 'widget-service#update-widget',
        parameters: [
          {
            name: 'uid',
            in: 'path',
            description: 'Widget UID',
            required: true,
            schema: { type: 'string', description: 'Widget UID', example: 'abc', format: 'uuid' },
            example: 'abc',
          },
          { name: 'X-Sync', in: 'header', description: 'Sync', allowEmptyValue: true, schema: { type: 'boolean', example: true } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Widget' },
              example: { name: 'w' },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK response.',
            headers: { ETag: { description: 'ETag header', schema: { type: 'string', example: '1' }, example: '1' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' }, example: { name: 'w' } } },
          },
          '204': { description: 'No Content response.' },
        },
        security: [{ jwt_header_Authorization: [] }],
      },
    },
  },
  components: {
    schemas: {
      Widget: {
        type: 'object',
        title: 'Widget',
        description: 'A widget.',
        properties: {
          description: { type: 'string', description: 'What the widget is for', example: 'round' },
          example: { type: 'boolean', description: 'Whether it is a sample' },
          kind: { type: 'string', enum: ['round', 'square'], default: 'round', example: 'square' },
          size: { type: 'integer', format: 'int64', minimum: 1, example: 3 },
        },
        example: { description: 'round', kind: 'round' },
        required: ['description', 'kind'],
      },
    },
    securitySchemes: {
      jwt_header_Authorization: { type: 'http', description: 'Heimdall authorization', scheme: 'bearer' },
    },
  },
  tags: [{ name: 'widget-service', description: 'The widget service.' }],
};

const expectedDocument = {
  openapi: '3.0.3',
  info: { title: 'Widget Service', version: '0.1.0' },
  paths: {
    '/widgets/{uid}': {
      put: {
        tags: ['widget-service'],
        operationId: 'updateWidget',
        parameters: [
          { name: 'uid', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'X-Sync', in: 'header', allowEmptyValue: true, schema: { type: 'boolean' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
        },
        responses: {
          '200': {
            description: 'OK',
            headers: { ETag: { schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
          },
          '204': { description: 'No Content' },
        },
        security: [{ jwt_header_Authorization: [] }],
      },
    },
  },
  components: {
    schemas: {
      Widget: {
        type: 'object',
        properties: {
          description: { type: 'string' },
          example: { type: 'boolean' },
          kind: { type: 'string', enum: ['round', 'square'], default: 'round' },
          size: { type: 'integer', format: 'int64', minimum: 1 },
        },
        required: ['description', 'kind'],
      },
    },
    securitySchemes: { jwt_header_Authorization: { type: 'http', scheme: 'bearer' } },
  },
  tags: [{ name: 'widget-service' }],
};

const expectedYaml = `# Derived from widget-service.yaml, the OpenAPI document that Goa generates for the service,
# by \`pnpm specs:import\`: facts only, without its descriptions and examples.
# Rerun the import to refresh it; hand edits are lost on the next import.
openapi: 3.0.3
info:
  title: Widget Service
  version: 0.1.0
paths:
  /widgets/{uid}:
    put:
      tags:
        - widget-service
      operationId: updateWidget
      parameters:
        - name: uid
          in: path
          required: true
          schema:
            type: string
            format: uuid
        - name: X-Sync
          in: header
          allowEmptyValue: true
          schema:
            type: boolean
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/Widget"
      responses:
        "200":
          description: OK
          headers:
            ETag:
              schema:
                type: string
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Widget"
        "204":
          description: No Content
      security:
        - jwt_header_Authorization: []
components:
  schemas:
    Widget:
      type: object
      properties:
        description:
          type: string
        example:
          type: boolean
        kind:
          type: string
          enum:
            - round
            - square
          default: round
        size:
          type: integer
          format: int64
          minimum: 1
      required:
        - description
        - kind
  securitySchemes:
    jwt_header_Authorization:
      type: http
      scheme: bearer
tags:
  - name: widget-service
`;

describe('importGoaDocument', () => {
  it('keeps facts and drops prose', () => {
    expect(importGoaDocument(goaDocument)).toEqual(expectedDocument);
  });

  it('renders the exact spec text', () => {
    expect(renderImportedSpec(importGoaDocument(goaDocument), 'widget-service.yaml')).toBe(expectedYaml);
  });

  it('leaves its input unchanged', () => {
    const before = structuredClone(goaDocument);

    importGoaDocument(goaDocument);

    expect(goaDocument).toEqual(before);
  });

  it('rejects a document that is not OpenAPI 3', () => {
    expect(() => importGoaDocument({ swagger: '2.0' })).toThrow(
      'The input is not an OpenAPI 3 document: its top-level `openapi` field is missing or not 3.x.',
    );
  });

  it('rejects a document without info.version', () => {
    expect(() => importGoaDocument({ openapi: '3.0.3', info: { title: 'x' }, paths: {} })).toThrow(
      'The input has no valid `info` object: OpenAPI requires `info.title` and `info.version` strings.',
    );
  });

  it('rejects two operation ids that collide', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': { get: { operationId: 'a#get-item' } },
        '/b': { get: { operationId: 'b#get-item' } },
      },
    };

    expect(() => importGoaDocument(document)).toThrow(
      'Operation ids "a#get-item" and "b#get-item" both become "getItem". Rename one of them in the source document.',
    );
  });
});

describe('toCamelCaseOperationId', () => {
  const cases = [
    { given: 'project-service#get-projects', want: 'getProjects' },
    { given: 'project-service#get-one-project-base', want: 'getOneProjectBase' },
    { given: 'Meeting Service#get-itx-registrant-ics', want: 'getItxRegistrantIcs' },
    { given: 'query-svc#query-resources-count', want: 'queryResourcesCount' },
    { given: 'mailing-list#livez', want: 'livez' },
    { given: 'update_widget', want: 'updateWidget' },
  ];

  it.each(cases)('converts $given', ({ given, want }) => {
    expect(toCamelCaseOperationId(given)).toBe(want);
  });

  it('rejects an id without a method name', () => {
    expect(() => toCamelCaseOperationId('widget-service#')).toThrow(
      'Operation id "widget-service#" has no method name that starts with a letter. Fix the operation id in the source document.',
    );
  });
});
