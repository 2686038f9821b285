import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

import { fingerprint } from '../fingerprint.js';
import type { ProjectRecord } from './data.js';
import { checkRequest, type OpenApiDocument, type OperationObject } from './openapi.js';

export interface LfxApiOptions {
  document: OpenApiDocument;
  data: ProjectRecord[];
  /** Issuer whose tokens the API accepts. */
  issuer: string;
  /** JWKS of that issuer, fetched on the first request and cached by jose. */
  jwksUri: string;
  /** `aud` that every token must carry: the LFX API's own identifier. */
  audience: string;
  /** Called after every response, for the demo's log. */
  onRequest?: (record: LfxApiRequestRecord) => void;
}

/** Record of one request to the stand-in. It contains a token's fingerprint, never the token. */
export interface LfxApiRequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  operationId: string | undefined;
  /** Claims of the verified token, when it was valid. */
  subject: string | undefined;
  clientId: string | undefined;
  tokenFingerprint: string | undefined;
}

export interface LfxApi {
  readonly listener: (request: IncomingMessage, response: ServerResponse) => void;
  /** Every request so far, oldest first. */
  readonly requests: readonly LfxApiRequestRecord[];
}

const MAX_BODY_BYTES = 1024 * 1024;
const LIST_CACHE_CONTROL = 'private, max-age=60';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * Creates a stand-in for the LFX project service.
 *
 * Each request must carry a bearer JWT that the issuer signed for the LFX API audience (checked
 * with jose against the issuer's JWKS), or it gets a 401. Then the request must match an operation
 * of the OpenAPI document (path, method, parameters, JSON body), or it gets the 400, 404 or 405
 * that the project service would send (404 where the operation declares no 400). The read operations for projects, settings and links are
 * served from `data`. Folder and document reads find nothing (404), and writes get a 503 because
 * the stand-in keeps its data read-only.
 */
export function createLfxApi(options: LfxApiOptions): LfxApi {
  const keys = createRemoteJWKSet(new URL(options.jwksUri));
  const projects = new Map(options.data.map((record) => [record.base.uid, record]));
  const requests: LfxApiRequestRecord[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const record: LfxApiRequestRecord = {
      method: request.method ?? 'GET',
      path: url.pathname,
      status: 0,
      operationId: undefined,
      subject: undefined,
      clientId: undefined,
      tokenFingerprint: undefined,
    };

    const reply = await answer(request, url, record);
    record.status = reply.status;
    send(response, reply);
    requests.push(record);
    options.onRequest?.(record);
  };

  const answer = async (request: IncomingMessage, url: URL, record: LfxApiRequestRecord): Promise<Reply> => {
    const token = bearerToken(request);
    if (token === undefined) {
      return unauthorized('missing bearer token', 'invalid_request');
    }
    record.tokenFingerprint = fingerprint(token);

    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
      }));
    } catch {
      return unauthorized('the token is invalid, expired, or not issued for the LFX API', 'invalid_token');
    }
    record.subject = claims.sub;
    record.clientId = typeof claims.client_id === 'string' ? claims.client_id : undefined;

    const body = await readJsonBody(request);
    if (body.problem !== undefined) {
      return errorReply(400, body.problem);
    }

    const matched = checkRequest(options.document, {
      method: record.method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      contentType: request.headers['content-type'],
      body: body.value,
    });
    if (!matched.ok) {
      return errorReply(declaredStatus(matched.status, matched.operation), matched.message);
    }
    record.operationId = matched.operation.operationId;

    return serve(matched.operation.operationId, matched.parameters);
  };

  const serve = (operationId: string, parameters: Record<string, unknown>): Reply => {
    const project = typeof parameters.uid === 'string' ? projects.get(parameters.uid) : undefined;

    switch (operationId) {
      case 'getProjects':
        return {
          status: 200,
          headers: { 'cache-control': LIST_CACHE_CONTROL },
          body: { projects: [...projects.values()].map((entry) => ({ ...entry.settings, ...entry.base })) },
        };
      case 'getOneProjectBase':
        return project === undefined ? notFound('project', parameters.uid) : withEtag(project, project.base);
      case 'getOneProjectSettings':
        return project === undefined ? notFound('project', parameters.uid) : withEtag(project, project.settings);
      case 'getProjectLink': {
        const link = project?.links.find((candidate) => candidate.uid === parameters.link_uid);
        return project === undefined || link === undefined ? notFound('link', parameters.link_uid) : withEtag(project, link);
      }
      case 'getProjectFolder':
        return notFound('folder', parameters.folder_uid);
      case 'getProjectDocument':
      case 'downloadProjectDocument':
        return notFound('document', parameters.document_uid);
      default:
        return errorReply(503, `${operationId} is not served: the demo stand-in is read-only`);
    }
  };

  return {
    listener(request, response) {
      handle(request, response).catch(() => {
        if (!response.headersSent) {
          send(response, errorReply(500, 'the stand-in failed to answer the request'));
        }
      });
    },
    get requests() {
      return [...requests];
    },
  };
}

/**
 * Returns the status for an invalid request. The spec declares no 400 for the reads of a single
 * resource, so the stand-in returns 404 for those: no resource exists for an invalid uid or version.
 */
function declaredStatus(status: number, operation: OperationObject | undefined): number {
  if (status !== 400 || operation === undefined || '400' in operation.responses) {
    return status;
  }
  return '404' in operation.responses ? 404 : status;
}

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer ([\w.~+/-]+=*)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function unauthorized(message: string, error: 'invalid_request' | 'invalid_token'): Reply {
  return {
    status: 401,
    headers: { 'www-authenticate': `Bearer error="${error}"` },
    body: { code: '401', message },
  };
}

function notFound(kind: string, uid: unknown): Reply {
  return errorReply(404, `no ${kind} has the uid ${JSON.stringify(uid)}`);
}

/** Error bodies of the project service: `code` is the HTTP status as a string. */
function errorReply(status: number, message: string): Reply {
  return { status, body: { code: String(status), message } };
}

function withEtag(project: ProjectRecord, body: unknown): Reply {
  return { status: 200, headers: { etag: `"${project.revision}"` }, body };
}

async function readJsonBody(request: IncomingMessage): Promise<{ value?: unknown; problem?: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      return { problem: `the request body is larger than ${MAX_BODY_BYTES} bytes` };
    }
    chunks.push(chunk);
  }

  if (size === 0) {
    return {};
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    // Multipart and other bodies are checked by media type only.
    return { value: undefined };
  }

  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { problem: 'the request body is not valid JSON' };
  }
}

function send(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json';
  response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}
