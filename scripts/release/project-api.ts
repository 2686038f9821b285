import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { closeServer, listenOnLoopback } from './servers.js';

export interface ProjectApiOptions {
  /** Verifies a bearer token's signature, issuer and expiry and returns its claims, or rejects. */
  verifyToken(token: string): Promise<{ sub: string; aud?: string | string[] }>;
  /** The `aud` value an LFX API token must carry. */
  audience: string;
  /** Projects served by `GET /projects/{uid}`, keyed by uid. */
  projects: Readonly<Record<string, Record<string, unknown>>>;
}

/** A request as the stand-in API recorded it. */
export interface ProjectApiRequest {
  method: string;
  /** Path and query string. */
  url: string;
  /** `sub` of the verified bearer token, or undefined when the request was rejected. */
  subject: string | undefined;
  status: number;
}

export interface ProjectApi {
  /** Base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: readonly ProjectApiRequest[];
  close(): Promise<void>;
}

/**
 * Starts a stand-in for the LFX project service on 127.0.0.1 with a port chosen by the OS.
 *
 * It serves `GET /projects/{uid}` only for a bearer token that `verifyToken` accepts and whose
 * audience is `audience`. Any other token gets a 401, so the caller's own token, issued for the
 * MCP server, is rejected.
 */
export async function startProjectApi(options: ProjectApiOptions): Promise<ProjectApi> {
  const requests: ProjectApiRequest[] = [];

  const server = createServer((request, response) => {
    handle(options, request, response).then(
      (record) => requests.push(record),
      (error: unknown) => {
        response.writeHead(500).end();
        requests.push({ method: request.method ?? '?', url: request.url ?? '?', subject: undefined, status: 500 });
        console.error('project API stand-in failed:', error);
      },
    );
  });

  const port = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, requests, close: () => closeServer(server) };
}

async function handle(options: ProjectApiOptions, request: IncomingMessage, response: ServerResponse): Promise<ProjectApiRequest> {
  const method = request.method ?? '?';
  const url = request.url ?? '/';
  const reply = (status: number, body: unknown, subject?: string, headers: Record<string, string> = {}): ProjectApiRequest => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    return { method, url, subject, status };
  };

  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const claims = token === undefined ? undefined : await options.verifyToken(token).catch(() => undefined);
  const audiences = claims === undefined ? [] : [claims.aud ?? []].flat();
  if (claims === undefined || !audiences.includes(options.audience)) {
    return reply(401, { message: 'a valid LFX API token is required' });
  }

  const { pathname } = new URL(url, 'http://127.0.0.1');
  const uid = /^\/projects\/([^/]+)$/.exec(pathname)?.[1];
  const project = method === 'GET' && uid !== undefined ? options.projects[decodeURIComponent(uid)] : undefined;
  if (project === undefined) {
    return reply(404, { message: 'project not found' }, claims.sub);
  }
  return reply(200, project, claims.sub, { etag: '"1"' });
}
