import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

import { validateSchema, type Schema, type SchemaRegistry } from './schema.js';

export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  allowEmptyValue?: boolean;
  schema?: Schema;
}

export interface MediaTypeObject {
  schema?: Schema;
}

export interface ResponseObject {
  headers?: Record<string, { schema?: Schema }>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The operation that a request matched, with its parameters parsed as the spec types them. */
export interface MatchedRequest {
  ok: true;
  path: string;
  operation: OperationObject;
  parameters: Record<string, string | number | boolean>;
}

/** A request that the spec does not allow: the status and the message of the error response. */
export interface RejectedRequest {
  ok: false;
  status: 400 | 404 | 405;
  message: string;
  /** The operation that the path and method matched, when they matched one. */
  operation?: OperationObject;
}

export interface RequestFacts {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  contentType: string | undefined;
  /** The parsed JSON body, or `undefined` when the request had none. */
  body: unknown;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Reads an OpenAPI 3.0 document from a YAML or JSON file. */
export function loadOpenApiDocument(file: string | URL): OpenApiDocument {
  const document = parse(readFileSync(file, 'utf8')) as Partial<OpenApiDocument> | null;
  if (document === null || typeof document !== 'object' || typeof document.paths !== 'object') {
    throw new Error(`${String(file)} is not an OpenAPI document: it has no paths`);
  }
  return document as OpenApiDocument;
}

/** Returns the document's component schemas, for {@link validateSchema}. */
export function componentSchemas(document: OpenApiDocument): SchemaRegistry {
  return document.components?.schemas ?? {};
}

/**
 * Checks a request against the document: the path, the method, every declared path, query and
 * header parameter (presence, type, enum, format, pattern), query parameters that the operation
 * does not declare, and a JSON request body against its schema.
 */
export function checkRequest(document: OpenApiDocument, request: RequestFacts): MatchedRequest | RejectedRequest {
  const route = matchPath(document, request.pathname);
  if (route === undefined) {
    return { ok: false, status: 404, message: `no operation has the path ${JSON.stringify(request.pathname)}` };
  }

  const operation = route.item[request.method.toLowerCase()];
  if (operation === undefined || !HTTP_METHODS.has(request.method.toLowerCase())) {
    return { ok: false, status: 405, message: `${request.method} is not allowed on ${route.template}` };
  }

  const invalid = (message: string): RejectedRequest => ({ ok: false, status: 400, message, operation });

  const parameters: Record<string, string | number | boolean> = {};
  const declared = operation.parameters ?? [];
  for (const name of new Set(request.query.keys())) {
    if (!declared.some((parameter) => parameter.in === 'query' && parameter.name === name)) {
      return invalid(`the query parameter ${JSON.stringify(name)} is not defined for ${operation.operationId}`);
    }
  }

  for (const parameter of declared) {
    const raw = readParameter(parameter, request, route.values);
    if (raw.problem !== undefined) {
      return invalid(raw.problem);
    }
    if (raw.value === undefined) {
      continue;
    }

    const parsed = parseParameter(document, parameter, raw.value);
    if (typeof parsed === 'object') {
      return invalid(parsed.problem);
    }
    parameters[parameter.name] = parsed;
  }

  const bodyProblem = checkBody(document, operation, request);
  if (bodyProblem !== undefined) {
    return invalid(bodyProblem);
  }
  return { ok: true, path: route.template, operation, parameters };
}

/**
 * Validates a response body against the schema that the operation declares for the status, and
 * returns the violations. A status that the operation does not declare is one violation.
 */
export function checkResponse(document: OpenApiDocument, operation: OperationObject, status: number, body: unknown): string[] {
  const response = operation.responses[String(status)];
  if (response === undefined) {
    return [`${operation.operationId} declares no ${status} response`];
  }

  const schema = response.content?.['application/json']?.schema;
  if (schema === undefined) {
    return body === undefined ? [] : [`${operation.operationId} declares no JSON body for ${status}`];
  }
  return validateSchema(componentSchemas(document), schema, body);
}

function matchPath(
  document: OpenApiDocument,
  pathname: string,
): { template: string; item: Record<string, OperationObject>; values: Record<string, string> } | undefined {
  const segments = pathname.split('/');

  // Templates with fewer variables win, so a literal segment beats a variable one.
  const templates = Object.keys(document.paths).sort((a, b) => countVariables(a) - countVariables(b));
  for (const template of templates) {
    const templateSegments = template.split('/');
    if (templateSegments.length !== segments.length) {
      continue;
    }

    const values: Record<string, string> = {};
    const matches = templateSegments.every((part, index) => {
      const segment = segments[index] ?? '';
      const variable = /^\{(.+)\}$/.exec(part);
      if (variable?.[1] === undefined) {
        return part === segment;
      }
      if (segment === '') {
        return false;
      }
      values[variable[1]] = decodeURIComponent(segment);
      return true;
    });

    const item = document.paths[template];
    if (matches && item !== undefined) {
      return { template, item, values };
    }
  }
  return undefined;
}

function countVariables(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}

function readParameter(
  parameter: ParameterObject,
  request: RequestFacts,
  pathValues: Record<string, string>,
): { value?: string; problem?: string } {
  let values: string[];
  if (parameter.in === 'path') {
    const value = pathValues[parameter.name];
    values = value === undefined ? [] : [value];
  } else if (parameter.in === 'query') {
    values = request.query.getAll(parameter.name);
  } else if (parameter.in === 'header') {
    const header = request.headers[parameter.name.toLowerCase()];
    values = header === undefined ? [] : Array.isArray(header) ? header : [header];
  } else {
    values = [];
  }

  if (values.length > 1) {
    return { problem: `the ${parameter.in} parameter ${JSON.stringify(parameter.name)} appears more than once` };
  }

  const value = values[0];
  if (value === undefined || (value === '' && parameter.allowEmptyValue === true)) {
    return parameter.required === true
      ? { problem: `the ${parameter.in} parameter ${JSON.stringify(parameter.name)} is required` }
      : {};
  }
  return { value };
}

function parseParameter(
  document: OpenApiDocument,
  parameter: ParameterObject,
  raw: string,
): string | number | boolean | { problem: string } {
  const schema = parameter.schema ?? {};
  const label = `the ${parameter.in} parameter ${JSON.stringify(parameter.name)}`;

  let value: string | number | boolean = raw;
  if (schema.type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') {
      return { problem: `${label} must be true or false` };
    }
    value = raw === 'true';
  } else if (schema.type === 'integer' || schema.type === 'number') {
    value = Number(raw);
    if (raw.trim() === '' || Number.isNaN(value)) {
      return { problem: `${label} must be a number` };
    }
  }

  const problems = validateSchema(componentSchemas(document), schema, value, parameter.name);
  return problems.length === 0 ? value : { problem: `${label} is invalid: ${problems.join('; ')}` };
}

/** Returns what is wrong with the request body, or `undefined` when it is acceptable. */
function checkBody(document: OpenApiDocument, operation: OperationObject, request: RequestFacts): string | undefined {
  const requestBody = operation.requestBody;
  if (requestBody === undefined) {
    return request.body === undefined ? undefined : `${operation.operationId} takes no request body`;
  }

  if (request.contentType === undefined) {
    return requestBody.required === true ? `${operation.operationId} requires a request body` : undefined;
  }

  const mediaType = request.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const declared = requestBody.content[mediaType];
  if (declared === undefined) {
    return `${operation.operationId} accepts ${Object.keys(requestBody.content).join(', ')}, not ${JSON.stringify(mediaType)}`;
  }

  // Multipart bodies are not parsed here: the demo serves no document uploads.
  if (mediaType !== 'application/json' || declared.schema === undefined) {
    return undefined;
  }

  const problems = validateSchema(componentSchemas(document), declared.schema, request.body, 'body');
  return problems.length === 0 ? undefined : `the request body is invalid: ${problems.join('; ')}`;
}
