import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts `server` on an OS-chosen loopback port and returns its origin, such as `http://127.0.0.1:40123`. */
export async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return `http://127.0.0.1:${port}`;
}

export async function close(server: Server | undefined): Promise<void> {
  if (server === undefined || !server.listening) {
    return;
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
