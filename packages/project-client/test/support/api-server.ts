import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the loopback server received it. */
export interface RecordedRequest {
  method: string;
  /** URL path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The response the server sends to the next request. */
export interface PlannedResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a Buffer, which is sent as it is. */
  body?: unknown;
  /** Keeps the request open without a response, so the client side can abort or time out. */
  hang?: boolean;
  /** Destroys the connection without a response, so the client's fetch rejects. */
  drop?: boolean;
}

/**
 * A node:http server on 127.0.0.1 (port chosen by the OS) that records each request and
 * responds with the next planned response. With no response planned it responds 599, so
 * a test that forgot to plan one fails on an unexpected status instead of hanging.
 */
export class ApiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly planned: PlannedResponse[] = [];
  private readonly received: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<ApiServer> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');

    const { port } = server.address() as AddressInfo;
    const api = new ApiServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', api.baseUrl);
        api.requests.push({
          method: request.method ?? '',
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          body: Buffer.concat(chunks),
        });
        api.received.shift()?.();

        const plan = api.planned.shift() ?? { status: 599, body: { code: '599', message: 'no response planned' } };
        if (plan.hang === true) {
          return;
        }
        if (plan.drop === true) {
          request.socket.destroy();
          return;
        }

        const isRaw = Buffer.isBuffer(plan.body);
        let payload: Buffer | string | undefined;
        if (isRaw) {
          payload = plan.body as Buffer;
        } else if (plan.body !== undefined) {
          payload = JSON.stringify(plan.body);
        }
        const headers: Record<string, string> = { ...plan.headers };
        if (payload !== undefined && !isRaw) {
          headers['Content-Type'] ??= 'application/json';
        }
        response.writeHead(plan.status, headers);
        response.end(payload);
      });
    });
    return api;
  }

  /** Queues the response to the next request that arrives. */
  respondWith(response: PlannedResponse): void {
    this.planned.push(response);
  }

  /** Resolves once the server has received one more request. */
  nextRequestReceived(): Promise<void> {
    return new Promise((resolve) => this.received.push(resolve));
  }

  /** Returns the only request received so far, and fails when there were none or several. */
  onlyRequest(): RecordedRequest {
    if (this.requests.length !== 1) {
      throw new Error(`Expected exactly one request, got ${this.requests.length}.`);
    }
    return this.requests[0] as RecordedRequest;
  }

  reset(): void {
    this.requests.length = 0;
    this.planned.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}
