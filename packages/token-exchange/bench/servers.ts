import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on 127.0.0.1 with a port chosen by the OS. */
export interface LoopbackServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startLoopbackServer(listener: RequestListener): Promise<LoopbackServer> {
  const server: Server = createServer({ keepAliveTimeout: 60_000 }, listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The API that the benchmarks call: every GET returns the same small JSON document. */
export interface paths {
  '/projects/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { 'application/json': { id: string; name: string } } } };
    };
  };
}

const PROJECT_BODY = JSON.stringify({ id: 'project-1', name: 'Benchmark project' });

/** Starts an API that responds to every request with {@link PROJECT_BODY}. */
export function startProjectApi(): Promise<LoopbackServer> {
  return startLoopbackServer((_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(PROJECT_BODY) });
    response.end(PROJECT_BODY);
  });
}

/** A token endpoint that issues a distinct token for every request and counts the requests it received. */
export interface CountingTokenEndpoint extends LoopbackServer {
  readonly requests: number;
  reset(): void;
}

export async function startCountingTokenEndpoint(): Promise<CountingTokenEndpoint> {
  let requests = 0;
  const server = await startLoopbackServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests += 1;
      const body = JSON.stringify({
        access_token: `issued-${requests}`,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'Bearer',
        expires_in: 3600,
      });
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });

  return {
    url: server.url,
    close: server.close,
    get requests() {
      return requests;
    },
    reset() {
      requests = 0;
    },
  };
}

/**
 * Starts {@link startProjectApi} or {@link startCountingTokenEndpoint} in a child process and
 * returns its URL. Closing it ends the process. The request count stays in the child.
 */
export async function startServerProcess(kind: 'project-api' | 'token-endpoint'): Promise<LoopbackServer> {
  const child = fork(new URL('./server-process.ts', import.meta.url), [kind], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const [message] = (await once(child, 'message')) as [{ url: string }];

  return {
    url: message.url,
    async close() {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}
