import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';

import { generateTypes } from '../../../../scripts/gen/generate.js';
import { importGoaDocument, renderImportedSpec } from '../../../../scripts/gen/goa-import.js';
import { typecheckGenerated } from './typecheck.js';

/**
 * Checks our spec and generator against the OpenAPI documents the LFX services publish.
 * Those documents live beside the repository in development checkouts and are absent from
 * a fresh clone, where every test here is skipped with a printed reason.
 */

type JsonObject = Record<string, unknown>;

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const UPSTREAM_DIR = resolve(REPOSITORY_ROOT, '../shared/upstream-specs');
const HAS_UPSTREAM = existsSync(join(UPSTREAM_DIR, 'project-service.yaml'));
const SKIP_REASON = `upstream OpenAPI documents not found at ${UPSTREAM_DIR}`;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The schema keywords that carry facts: everything but prose and examples. */
const SCHEMA_FACT_KEYWORDS = [
  'type',
  'format',
  'enum',
  'nullable',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'default',
  'readOnly',
  'writeOnly',
];

// Each generation and TypeScript program takes a few seconds alone and several times that while
// turbo runs every package's tasks at once.
vi.setConfig({ testTimeout: 120_000 });

/** Registers a test that needs the upstream documents, or a skipped one that prints why. */
function upstreamIt(name: string, test: () => void | Promise<void>): void {
  if (!HAS_UPSTREAM) {
    console.info(`Skipped "${name}": ${SKIP_REASON}.`);
    it.skip(name, () => undefined);
    return;
  }
  it(name, test);
}

/** Registers one test per case, or one skipped test that prints why. */
function upstreamEach<T>(cases: readonly T[], name: string, test: (testCase: T) => void | Promise<void>): void {
  if (!HAS_UPSTREAM) {
    upstreamIt(name.replace('%s', 'each case'), () => undefined);
    return;
  }
  it.each(cases)(name, test);
}

interface Operation {
  key: string;
  path: string;
  method: string;
  operation: JsonObject;
}

function readYaml(path: string): JsonObject {
  return parse(readFileSync(path, 'utf8')) as JsonObject;
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

function listOperations(document: JsonObject): Operation[] {
  const operations: Operation[] = [];
  for (const [path, pathItem] of Object.entries(asObject(document['paths']))) {
    for (const method of HTTP_METHODS) {
      const operation = asObject(pathItem)[method];
      if (operation !== undefined) {
        operations.push({ key: `${method.toUpperCase()} ${path}`, path, method, operation: asObject(operation) });
      }
    }
  }
  return operations;
}

/**
 * Reduces a schema to its facts, following `$ref`s into `components.schemas` by name, so two
 * documents compare equal when their types, formats, enums, limits, fields and `required`
 * lists agree, whatever their prose.
 */
function schemaFacts(schema: unknown, document: JsonObject, seen: string[] = []): unknown {
  const object = asObject(schema);
  const ref = object['$ref'];
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) {
      return { $ref: name };
    }
    const target = asObject(asObject(document['components'])['schemas'])[name];
    return { $ref: name, schema: schemaFacts(target, document, [...seen, name]) };
  }

  const facts: JsonObject = {};
  for (const keyword of SCHEMA_FACT_KEYWORDS) {
    if (keyword in object) {
      facts[keyword] = object[keyword];
    }
  }
  if ('items' in object) {
    facts['items'] = schemaFacts(object['items'], document, seen);
  }
  if ('additionalProperties' in object) {
    facts['additionalProperties'] = schemaFacts(object['additionalProperties'], document, seen);
  }
  if ('properties' in object) {
    facts['properties'] = Object.fromEntries(
      Object.entries(asObject(object['properties'])).map(([name, property]) => [name, schemaFacts(property, document, seen)]),
    );
  }
  if (Array.isArray(object['required'])) {
    facts['required'] = [...(object['required'] as string[])].sort();
  }
  return facts;
}

function parameterFacts(operation: JsonObject, document: JsonObject): unknown[] {
  const parameters = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
  return parameters
    .map((parameter) => asObject(parameter))
    .map((parameter) => ({
      name: parameter['name'],
      in: parameter['in'],
      required: parameter['required'] === true,
      schema: schemaFacts(parameter['schema'], document),
    }))
    .sort((a, b) => `${String(a.in)} ${String(a.name)}`.localeCompare(`${String(b.in)} ${String(b.name)}`));
}

function contentFacts(content: unknown, document: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(asObject(content)).map(([mediaType, media]) => [mediaType, schemaFacts(asObject(media)['schema'], document)]),
  );
}

function requestBodyFacts(operation: JsonObject, document: JsonObject): unknown {
  if (!('requestBody' in operation)) {
    return undefined;
  }

  const body = asObject(operation['requestBody']);
  return { required: body['required'] === true, content: contentFacts(body['content'], document) };
}

function responseFacts(operation: JsonObject, document: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(asObject(operation['responses'])).map(([status, response]) => {
      const headers = Object.fromEntries(
        Object.entries(asObject(asObject(response)['headers'])).map(([name, header]) => [name, schemaFacts(asObject(header)['schema'], document)]),
      );
      return [status, { headers, content: contentFacts(asObject(response)['content'], document) }];
    }),
  );
}

/** Lowercase letters and digits of an operation id's method name, so `get-projects` and `getProjects` compare equal. */
function methodWords(operationId: unknown): string {
  const id = String(operationId);
  return id.slice(id.lastIndexOf('#') + 1).replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

function listUpstreamDocuments(): string[] {
  return readdirSync(UPSTREAM_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

function listMediaTypes(document: JsonObject): string[] {
  const mediaTypes = new Set<string>();
  for (const { operation } of listOperations(document)) {
    for (const mediaType of Object.keys(asObject(asObject(operation['requestBody'])['content']))) {
      mediaTypes.add(mediaType);
    }
    for (const response of Object.values(asObject(operation['responses']))) {
      for (const mediaType of Object.keys(asObject(asObject(response)['content']))) {
        mediaTypes.add(mediaType);
      }
    }
  }
  return [...mediaTypes].sort();
}

describe('specs/project-service.yaml against the upstream document', () => {
  const ours = readYaml(join(REPOSITORY_ROOT, 'specs/project-service.yaml'));
  const upstream = HAS_UPSTREAM ? readYaml(join(UPSTREAM_DIR, 'project-service.yaml')) : {};
  const upstreamOperations = listOperations(upstream);
  const ourOperations = new Map(listOperations(ours).map((operation) => [operation.key, operation]));
  const upstreamSchemas = Object.keys(asObject(asObject(upstream['components'])['schemas']));

  upstreamIt('has the same 17 operations', () => {
    expect(upstreamOperations).toHaveLength(17);
    expect([...ourOperations.keys()].sort()).toEqual(upstreamOperations.map((operation) => operation.key).sort());
  });

  if (!HAS_UPSTREAM) {
    upstreamIt('matches each upstream operation', () => undefined);
  }

  describe.each(upstreamOperations)('$key', ({ key, operation: theirs }) => {
    const mine = asObject(ourOperations.get(key)?.operation);

    it('has a camelCase id for the same method', () => {
      expect(mine['operationId']).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(methodWords(mine['operationId'])).toBe(methodWords(theirs['operationId']));
    });

    it('has the same parameters', () => {
      expect(parameterFacts(mine, ours)).toEqual(parameterFacts(theirs, upstream));
    });

    it('has the same request body', () => {
      expect(requestBodyFacts(mine, ours)).toEqual(requestBodyFacts(theirs, upstream));
    });

    it('has the same responses', () => {
      expect(Object.keys(asObject(mine['responses']))).toEqual(Object.keys(asObject(theirs['responses'])));
      expect(responseFacts(mine, ours)).toEqual(responseFacts(theirs, upstream));
    });
  });

  upstreamEach(upstreamSchemas, 'has schema %s with the same fields', (name) => {
    const ref = { $ref: `#/components/schemas/${name}` };

    expect(schemaFacts(ref, ours)).toEqual(schemaFacts(ref, upstream));
  });

  upstreamIt('carries no upstream prose', () => {
    expect(findLeakedProse(upstream, ours)).toEqual([]);
  });

  upstreamIt('detects prose left in place', () => {
    expect(findLeakedProse(upstream, upstream).length).toBeGreaterThan(100);
  });

  upstreamIt('detects a changed field type', () => {
    const changed = structuredClone(ours);
    const schemas = asObject(asObject(changed['components'])['schemas']);
    asObject(asObject(asObject(schemas['ProjectBase'])['properties'])['public'])['type'] = 'string';
    const ref = { $ref: '#/components/schemas/ProjectBase' };

    expect(schemaFacts(ref, changed)).not.toEqual(schemaFacts(ref, upstream));
  });
});

describe('generator on the upstream documents', () => {
  const documents = HAS_UPSTREAM ? listUpstreamDocuments() : [];

  upstreamIt('finds all six documents', () => {
    expect(documents).toEqual([
      'committee-service.yaml',
      'mailing-list-service.yaml',
      'meeting-service.yaml',
      'member-service.yaml',
      'project-service.yaml',
      'query-service.yaml',
    ]);
  });

  upstreamEach(documents, 'generates TypeScript that compiles from %s as published', async (name) => {
    const text = readFileSync(join(UPSTREAM_DIR, name), 'utf8');
    const document = parse(text) as JsonObject;

    const output = await generateTypes(text, { specPath: name });
    const result = typecheckGenerated(output);

    expect(result.diagnostics).toEqual([]);
    expect(result.operationIds).toHaveLength(listOperations(document).length);
    expect(result.pathKeys.sort()).toEqual(Object.keys(asObject(document['paths'])).sort());
    for (const mediaType of listMediaTypes(document)) {
      expect(output).toContain(`"${mediaType}"`);
    }
  });

  upstreamEach(documents, 'generates TypeScript that compiles from %s after import', async (name) => {
    const imported = importGoaDocument(parse(readFileSync(join(UPSTREAM_DIR, name), 'utf8')));
    const operationIds = listOperations(imported).map(({ operation }) => String(operation['operationId']));

    const output = await generateTypes(renderImportedSpec(imported, name), { specPath: name });
    const result = typecheckGenerated(output);

    expect(result.diagnostics).toEqual([]);
    expect(result.operationIds.sort()).toEqual(operationIds.sort());
  });
});

describe('import on the upstream documents', () => {
  const documents = HAS_UPSTREAM ? listUpstreamDocuments() : [];

  upstreamEach(documents, 'drops every description and example of %s', (name) => {
    const upstream = readYaml(join(UPSTREAM_DIR, name));

    expect(findLeakedProse(upstream, importGoaDocument(upstream))).toEqual([]);
  });
});

/**
 * Returns the prose and sample strings of `upstream` that appear as a value or key in
 * `output`. A sample value that is also a fact, such as an enum member used as an example,
 * is allowed, and so is an upstream description that equals an HTTP reason phrase, which
 * the import writes as each response's description.
 */
function findLeakedProse(upstream: JsonObject, output: JsonObject): string[] {
  const prose = new Set<string>();
  collectProse(upstream, undefined, prose);
  const facts = new Set<string>();
  collectFacts(upstream, undefined, facts);
  const outputStrings = new Set<string>();
  collectStrings(output, outputStrings);
  const reasonPhrases = new Set(Object.values(STATUS_CODES));

  expect(prose.size).toBeGreaterThan(0);
  return [...prose].filter((text) => !facts.has(text) && !reasonPhrases.has(text) && outputStrings.has(text));
}

/** Keywords whose values are prose or samples in the upstream documents. */
const PROSE_KEYS = new Set(['description', 'summary', 'title', 'example', 'examples']);

/** Maps whose keys are names, where a key such as `description` is a field, not prose. */
const NAME_MAPS = new Set(['properties', 'schemas', 'paths', 'responses', 'headers', 'content', 'securitySchemes']);

/** Collects every string inside prose and sample values of the document. */
function collectProse(value: unknown, parentKey: string | undefined, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collectProse(item, undefined, into));
    return;
  }
  for (const [key, child] of Object.entries(asObject(value))) {
    const isProse = PROSE_KEYS.has(key) && !NAME_MAPS.has(parentKey ?? '');
    if (isProse && !(key === 'title' && parentKey === 'info')) {
      collectStrings(child, into);
    } else {
      collectProse(child, key, into);
    }
  }
}

/** Collects every string outside prose and sample values: names, enum members, patterns. */
function collectFacts(value: unknown, parentKey: string | undefined, into: Set<string>): void {
  if (typeof value === 'string') {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item) => collectFacts(item, undefined, into));
    return;
  }
  for (const [key, child] of Object.entries(asObject(value))) {
    into.add(key);
    const isProse = PROSE_KEYS.has(key) && !NAME_MAPS.has(parentKey ?? '');
    if (!isProse || (key === 'title' && parentKey === 'info')) {
      collectFacts(child, key, into);
    }
  }
}

/** Collects every string value and key anywhere in `value`. */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item) => collectStrings(item, into));
    return;
  }
  for (const [key, child] of Object.entries(asObject(value))) {
    into.add(key);
    collectStrings(child, into);
  }
}

describe('typecheckGenerated', () => {
  it('reports a type error', () => {
    const result = typecheckGenerated('export interface paths { "/a": Missing }\nexport interface operations {}\n');

    expect(result.diagnostics).toEqual(["/virtual/generated.ts:1:32 Cannot find name 'Missing'."]);
  });
});
