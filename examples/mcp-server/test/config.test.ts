import { generateRsaKeyPair } from '@lfx/testing';
import { describe, expect, it } from 'vitest';

import { ConfigError, describeConfig, loadConfig, type Environment } from '../src/config.js';

const PEM = generateRsaKeyPair().privateKeyPkcs8Pem;
const SECRET = 'client-secret-do-not-print-91c2';

const complete: Environment = {
  MCP_PUBLIC_URL: 'https://mcp.example.org/mcp',
  MCP_AUTH_SERVERS: 'https://auth.example.org/',
  LFX_API_URL: 'https://api.example.org/',
  LFX_TOKEN_ENDPOINT: 'https://auth.example.org/oauth/token',
  LFX_CLIENT_ID: 'mcp-server',
  LFX_CLIENT_ASSERTION_KEY_FILE: '/run/secrets/lfx-key.pem',
  LFX_AUDIENCE: 'https://api.example.org/',
};

const readKey = (path: string) => {
  if (path !== '/run/secrets/lfx-key.pem') {
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  }
  return PEM;
};

function problemsOf(env: Environment, readFile = readKey): readonly string[] {
  try {
    loadConfig(env, { readFile });
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('reads a complete configuration with defaults', () => {
    const config = loadConfig(complete, { readFile: readKey });

    expect(config).toEqual({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: new URL('https://mcp.example.org/mcp'),
      audience: ['https://mcp.example.org/mcp'],
      authServers: ['https://auth.example.org/'],
      scopes: [],
      lfxApiUrl: 'https://api.example.org',
      tokenExchange: {
        tokenEndpoint: 'https://auth.example.org/oauth/token',
        clientId: 'mcp-server',
        clientAssertionSigningKey: PEM,
        subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token',
        audience: 'https://api.example.org/',
      },
    });
  });

  it('reads lists and optional settings', () => {
    const config = loadConfig(
      {
        ...complete,
        LFX_CLIENT_ASSERTION_KEY_FILE: undefined,
        LFX_CLIENT_SECRET: SECRET,
        MCP_AUTH_SERVERS: 'https://a.example.org, https://b.example.org',
        MCP_AUDIENCE: 'https://mcp.example.org/mcp https://mcp.example.org',
        MCP_SCOPES: 'projects:read,projects:write',
        LFX_SUBJECT_TOKEN_TYPE: 'urn:ietf:params:oauth:token-type:jwt',
        LFX_CLIENT_ASSERTION_KEY_ID: 'key-2',
        HOST: '0.0.0.0',
        PORT: '3000',
      },
      { readFile: readKey },
    );

    expect(config.authServers).toEqual(['https://a.example.org', 'https://b.example.org']);
    expect(config.audience).toEqual(['https://mcp.example.org/mcp', 'https://mcp.example.org']);
    expect(config.scopes).toEqual(['projects:read', 'projects:write']);
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(3000);
    expect(config.tokenExchange).toEqual({
      tokenEndpoint: 'https://auth.example.org/oauth/token',
      clientId: 'mcp-server',
      clientSecret: SECRET,
      clientAssertionKeyId: 'key-2',
      subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
      audience: 'https://api.example.org/',
    });
  });

  it('lists every missing setting at once', () => {
    expect(problemsOf({})).toEqual([
      'MCP_PUBLIC_URL is missing: set it to the public URL of the MCP endpoint, such as https://mcp.example.org/mcp.',
      'MCP_AUTH_SERVERS is missing: set it to the issuer URLs of the authorization servers whose tokens the server accepts, separated by commas or spaces.',
      'LFX_API_URL is missing: set it to the base URL of the LFX API, such as https://api.lfx.dev.',
      'LFX_TOKEN_ENDPOINT is missing: set it to the token endpoint URL of the LFX authorization server.',
      'LFX_CLIENT_ID is missing: set it to the OAuth client id of this MCP server at the LFX authorization server.',
      'LFX_AUDIENCE is missing: set it to the audience of the LFX API tokens, as the LFX authorization server names it.',
      'LFX_CLIENT_ASSERTION_KEY_FILE or LFX_CLIENT_SECRET is missing: set one of them to authenticate this MCP server to the LFX authorization server.',
    ]);
  });

  it('treats blank values as missing', () => {
    expect(problemsOf({ ...complete, LFX_CLIENT_ID: '  ' })).toEqual([
      'LFX_CLIENT_ID is missing: set it to the OAuth client id of this MCP server at the LFX authorization server.',
    ]);
  });

  const invalid: { name: string; env: Environment; problem: string }[] = [
    {
      name: 'an http URL off loopback',
      env: { MCP_PUBLIC_URL: 'http://mcp.example.org/mcp' },
      problem: 'MCP_PUBLIC_URL must be an https URL, or an http URL on a loopback host (127.0.0.1, [::1], localhost).',
    },
    {
      name: 'a value that is not a URL',
      env: { LFX_TOKEN_ENDPOINT: 'auth.example.org/oauth/token' },
      problem: 'LFX_TOKEN_ENDPOINT must be an https URL, or an http URL on a loopback host (127.0.0.1, [::1], localhost).',
    },
    {
      name: 'an invalid issuer in the list',
      env: { MCP_AUTH_SERVERS: 'https://auth.example.org ftp://auth.example.org' },
      problem: 'MCP_AUTH_SERVERS must list https URLs, or http URLs on a loopback host (127.0.0.1, [::1], localhost).',
    },
    { name: 'a port out of range', env: { PORT: '70000' }, problem: 'PORT must be an integer from 0 to 65535.' },
    { name: 'a port that is not a number', env: { PORT: '80a' }, problem: 'PORT must be an integer from 0 to 65535.' },
    {
      name: 'a subject token type that is not a URI',
      env: { LFX_SUBJECT_TOKEN_TYPE: 'access_token' },
      problem: 'LFX_SUBJECT_TOKEN_TYPE must be a token type URI such as urn:ietf:params:oauth:token-type:access_token.',
    },
    {
      name: 'both a secret and a key file',
      env: { LFX_CLIENT_SECRET: SECRET },
      problem: 'LFX_CLIENT_ASSERTION_KEY_FILE and LFX_CLIENT_SECRET are both set: keep only the one the LFX authorization server expects.',
    },
    {
      name: 'a key file that cannot be read',
      env: { LFX_CLIENT_ASSERTION_KEY_FILE: '/run/secrets/missing.pem' },
      problem: "LFX_CLIENT_ASSERTION_KEY_FILE could not be read (ENOENT): check the path and the file's permissions.",
    },
  ];

  it.each(invalid)('rejects $name', ({ env, problem }) => {
    expect(problemsOf({ ...complete, ...env })).toEqual([problem]);
  });

  it('rejects a key file without a private key', () => {
    expect(problemsOf(complete, () => '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n')).toEqual([
      'LFX_CLIENT_ASSERTION_KEY_FILE does not contain a PEM private key: give a PKCS#8 or PKCS#1 RSA private key.',
    ]);
  });

  it('accepts http on loopback', () => {
    const config = loadConfig({ ...complete, MCP_PUBLIC_URL: 'http://127.0.0.1:8080/mcp', LFX_API_URL: 'http://localhost:9000' }, { readFile: readKey });

    expect(config.publicUrl.href).toBe('http://127.0.0.1:8080/mcp');
    expect(config.lfxApiUrl).toBe('http://localhost:9000');
  });

  it('keeps the secret out of the error', () => {
    let caught: unknown;
    try {
      loadConfig({ ...complete, LFX_CLIENT_ASSERTION_KEY_FILE: undefined, LFX_CLIENT_SECRET: SECRET, PORT: 'x' }, { readFile: readKey });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(ConfigError);
    expect(JSON.stringify(caught)).not.toContain(SECRET);
    expect(String((caught as Error).stack)).not.toContain(SECRET);
  });
});

describe('describeConfig', () => {
  it('lists the settings without the secret or the key', () => {
    const description = describeConfig(loadConfig(complete, { readFile: readKey }));

    expect(description).toEqual({
      listen: '127.0.0.1:8080',
      publicUrl: 'https://mcp.example.org/mcp',
      authServers: 'https://auth.example.org/',
      lfxApiUrl: 'https://api.example.org',
      tokenEndpoint: 'https://auth.example.org/oauth/token',
      clientId: 'mcp-server',
      clientAuthentication: 'private_key_jwt',
      lfxAudience: 'https://api.example.org/',
    });
    expect(JSON.stringify(description)).not.toContain('PRIVATE KEY');
  });
});
