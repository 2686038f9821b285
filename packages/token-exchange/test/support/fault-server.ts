import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { leakScanner } from './leak-scan.js';

/** Writes the response for one request; `form` is the request body already read. */
export type FaultHandler = (request: IncomingMessage, response: ServerResponse, form: URLSearchParams) => void;

export interface FaultServer {
  /** Token endpoint URL on 127.0.0.1. */
  readonly url: string;
  /** Number of requests received since start. */
  readonly requestCount: number;
  /** Sets how the server responds from the next request on. */
  respondWith(handler: FaultHandler): void;
  close(): Promise<void>;
}

/**
 * Starts a node:http server on 127.0.0.1 whose behaviour each test sets, to inject the
 * failures a token endpoint can produce. Credentials in the bodies it receives go to the leak scanner.
 */
export async function startFaultServer(): Promise<FaultServer> {
  let handler: FaultHandler = (_request, response) => {
    response.writeHead(500).end();
  };
  let requestCount = 0;

  const server = createServer((request, response) => {
    requestCount += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      leakScanner.addFormSecrets(form);
      handler(request, response, form);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/oauth/token`,
    get requestCount() {
      return requestCount;
    },
    respondWith(next) {
      handler = next;
    },
    close() {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      return closed;
    },
  };
}

/** Sends `body` as JSON with `status`. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
