import { STATUS_CODES } from 'node:http';

import { stringify } from 'yaml';

/**
 * Derives our spec from an OpenAPI 3 document that Goa generated for an LFX service.
 *
 * The result keeps the facts: paths, methods, parameters, request bodies, responses with
 * their headers, schemas with types, formats, enums, patterns, limits and `required` lists,
 * security schemes and tag names. It drops the prose and samples: every `description`,
 * `summary`, `title` (except `info.title`, which OpenAPI requires), `example` and `examples`.
 * It also drops `servers`, and `info` keeps only `title` and `version`. Operation ids
 * become camelCase (`project-service#get-projects` becomes `getProjects`). Each response
 * gets the HTTP reason phrase of its status as its description, because OpenAPI requires one.
 */

type JsonObject = { [key: string]: unknown };

/**
 * Keywords dropped at every level: prose, sample values and `servers`, whose upstream
 * entries point at each service's development host.
 */
const DROPPED_KEYWORDS = new Set(['description', 'summary', 'title', 'example', 'examples', 'servers']);

/** Keywords whose value is data (enum members, defaults, property names), copied as it is. */
const DATA_KEYWORDS = new Set(['enum', 'default', 'const', 'required', 'mapping']);

/**
 * Keywords whose value maps names chosen by the API author (a path, a property, a status
 * code, a media type, a header) to objects. A child key of one of these is a name, so a
 * property called `description` or `example` survives.
 */
const NAME_MAP_KEYWORDS = new Set([
  'paths',
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'content',
  'encoding',
]);

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export class GoaImportError extends Error {
  override readonly name = 'GoaImportError';
}

/** Returns a new document with the facts of `source` and none of its prose or examples. */
export function importGoaDocument(source: unknown): JsonObject {
  if (!isObject(source) || typeof source['openapi'] !== 'string' || !source['openapi'].startsWith('3.')) {
    throw new GoaImportError('The input is not an OpenAPI 3 document: its top-level `openapi` field is missing or not 3.x.');
  }

  const result = stripObject(source) as JsonObject;
  result['info'] = importInfo(source['info']);

  renameOperationIds(result);
  return result;
}

/**
 * Renders an imported document as YAML under a header that names its source and the
 * command that refreshes it.
 */
export function renderImportedSpec(document: JsonObject, sourceName: string): string {
  const header = [
    `# Derived from ${sourceName}, the OpenAPI document that Goa generates for the service,`,
    '# by `pnpm specs:import`: facts only, without its descriptions and examples.',
    '# Rerun the import to refresh it; hand edits are lost on the next import.',
  ].join('\n');

  return `${header}\n${stringify(document, { lineWidth: 0, indent: 2 })}`;
}

/**
 * Converts a Goa operation id to camelCase: the service prefix up to the last `#` is
 * dropped and the remaining words (split on anything that is not a letter or digit)
 * are joined.
 */
export function toCamelCaseOperationId(goaOperationId: string): string {
  const methodName = goaOperationId.slice(goaOperationId.lastIndexOf('#') + 1);
  const words = methodName.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const [first, ...rest] = words;

  if (first === undefined || /^[0-9]/.test(first)) {
    throw new GoaImportError(
      `Operation id ${JSON.stringify(goaOperationId)} has no method name that starts with a letter. Fix the operation id in the source document.`,
    );
  }

  return first.toLowerCase() + rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('');
}

function importInfo(info: unknown): JsonObject {
  if (!isObject(info) || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') {
    throw new GoaImportError('The input has no valid `info` object: OpenAPI requires `info.title` and `info.version` strings.');
  }

  return { title: info['title'], version: info['version'] };
}

/** Copies the value of keyword `key`, dropping prose keywords at every level below it. */
function stripKeyword(key: string, value: unknown): unknown {
  if (DATA_KEYWORDS.has(key)) {
    return structuredClone(value);
  }
  if (key === 'responses' && isObject(value)) {
    return importResponses(value);
  }
  if (NAME_MAP_KEYWORDS.has(key) && isObject(value)) {
    const names: JsonObject = {};
    for (const [name, child] of Object.entries(value)) {
      names[name] = stripObject(child);
    }
    return names;
  }
  if (key === 'scopes' && isObject(value)) {
    // An OAuth flow maps each scope to its description, which is prose but must stay a string.
    return Object.fromEntries(Object.keys(value).map((scope) => [scope, '']));
  }
  return stripObject(value);
}

function importResponses(responses: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [status, response] of Object.entries(responses)) {
    const stripped = stripObject(response);
    if (!isObject(stripped) || '$ref' in stripped) {
      result[status] = stripped;
      continue;
    }
    result[status] = { description: STATUS_CODES[status] ?? 'Response', ...stripped };
  }
  return result;
}

function stripObject(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => stripObject(item));
  }
  if (!isObject(value)) {
    return value;
  }

  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (DROPPED_KEYWORDS.has(key)) {
      continue;
    }
    result[key] = stripKeyword(key, child);
  }
  return result;
}

function renameOperationIds(document: JsonObject): void {
  const paths = document['paths'];
  if (!isObject(paths)) {
    return;
  }

  const seen = new Map<string, string>();
  for (const pathItem of Object.values(paths)) {
    if (!isObject(pathItem)) {
      continue;
    }
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!HTTP_METHODS.has(method) || !isObject(operation) || typeof operation['operationId'] !== 'string') {
        continue;
      }

      const original = operation['operationId'];
      const renamed = toCamelCaseOperationId(original);
      const clash = seen.get(renamed);
      if (clash !== undefined) {
        throw new GoaImportError(
          `Operation ids ${JSON.stringify(clash)} and ${JSON.stringify(original)} both become ${JSON.stringify(renamed)}. Rename one of them in the source document.`,
        );
      }

      seen.set(renamed, original);
      operation['operationId'] = renamed;
    }
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
