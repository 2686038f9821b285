import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

import { closeServer, listenOnLoopback } from './servers.js';

export interface LocalRegistryOptions {
  /** Folder for the registry's configuration, users and package storage. It must exist. */
  dir: string;
  /** The only scope the registry serves and accepts, such as `@lfx`. */
  scope: string;
}

export interface LocalRegistry {
  /** Base URL with a trailing slash, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Token of the one user allowed to publish, for an `.npmrc` outside the repository. */
  readonly authToken: string;
  /** `METHOD path` of every request the registry received, oldest first. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts Verdaccio in this process on 127.0.0.1 with a port chosen by the OS.
 *
 * The registry has no uplinks, so it never contacts another registry: it serves only what
 * was published to it, and only packages in `scope`. Anyone may read them, and the one user
 * created here may publish them.
 */
export async function startLocalRegistry(options: LocalRegistryOptions): Promise<LocalRegistry> {
  const server: Server = await runServer({
    configPath: join(options.dir, 'config.yaml'),
    storage: join(options.dir, 'storage'),
    auth: { htpasswd: { file: join(options.dir, 'htpasswd'), max_users: 1 } },
    uplinks: {},
    packages: {
      [`${options.scope}/*`]: { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
    },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
  });

  const requests: string[] = [];
  server.prependListener('request', (request: IncomingMessage) => {
    requests.push(`${request.method ?? '?'} ${request.url ?? '?'}`);
  });

  const port = await listenOnLoopback(server);
  const url = `http://127.0.0.1:${port}/`;
  const close = () => closeServer(server);

  try {
    const authToken = await createUser(url, 'rehearsal', randomBytes(24).toString('base64url'));
    return { url, authToken, requests, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Adds a user through the registry's CouchDB-style user endpoint and returns its token. */
async function createUser(registryUrl: string, name: string, password: string): Promise<string> {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, registryUrl), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = (await response.json()) as { token?: unknown };

  if (response.status !== 201 || typeof body.token !== 'string') {
    throw new Error(`creating the registry user failed with HTTP ${response.status}`);
  }
  return body.token;
}
