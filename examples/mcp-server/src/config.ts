import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Default `LFX_SUBJECT_TOKEN_TYPE`: the MCP caller's token is an OAuth access token (RFC 8693 section 3). */
export const DEFAULT_SUBJECT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** Default `PORT`. */
export const DEFAULT_PORT = 8080;

/** Default `HOST`: loopback only, so a server started by hand is not reachable from the network. */
export const DEFAULT_HOST = '127.0.0.1';

/** The settings of the example MCP server, read once at start-up by {@link loadConfig}. */
export interface ServerConfig {
  /** Interface to listen on (`HOST`). */
  host: string;
  /** Port to listen on (`PORT`). 0 lets the OS choose. */
  port: number;
  /** Public URL of the MCP endpoint (`MCP_PUBLIC_URL`), such as `https://mcp.example.org/mcp`. */
  publicUrl: URL;
  /** `aud` values accepted in callers' tokens (`MCP_AUDIENCE`). Default: `publicUrl`. */
  audience: string[];
  /** Issuers whose tokens the server accepts (`MCP_AUTH_SERVERS`). */
  authServers: string[];
  /** Scopes advertised in the protected resource metadata (`MCP_SCOPES`). Default: none. */
  scopes: string[];
  /** Base URL of the LFX API (`LFX_API_URL`). */
  lfxApiUrl: string;
  tokenExchange: TokenExchangeSettings;
}

/** The token-exchange client settings, in the shape `TokenExchangeClient` takes. */
export interface TokenExchangeSettings {
  tokenEndpoint: string;
  clientId: string;
  /** `LFX_CLIENT_SECRET`. Never logged. */
  clientSecret?: string;
  /** PEM contents of `LFX_CLIENT_ASSERTION_KEY_FILE`. Never logged. */
  clientAssertionSigningKey?: string;
  clientAssertionKeyId?: string;
  clientAssertionAudience?: string;
  subjectTokenType: string;
  audience: string;
}

/** Environment variables, in the shape of `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Every problem found in the configuration, one line per setting. No line contains a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid_config';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The MCP server configuration is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

export interface LoadConfigOptions {
  /** Reads the client assertion key file. Default: `fs.readFileSync` as UTF-8. */
  readFile?: (path: string) => string;
}

/**
 * Reads the server's settings from environment variables and checks all of them before
 * returning, so one run reports every missing or invalid setting.
 *
 * @throws {ConfigError} listing each problem with the name of its variable. Messages never contain
 *   a value, because some settings are secrets.
 */
export function loadConfig(env: Environment, options: LoadConfigOptions = {}): ServerConfig {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const problems: string[] = [];
  const reader = new SettingReader(env, problems);

  const publicUrl = reader.url('MCP_PUBLIC_URL', 'the public URL of the MCP endpoint, such as https://mcp.example.org/mcp');
  const authServers = reader.urlList('MCP_AUTH_SERVERS', 'the issuer URLs of the authorization servers whose tokens the server accepts');
  const audienceList = reader.optionalList('MCP_AUDIENCE');
  const scopes = reader.optionalList('MCP_SCOPES') ?? [];
  const lfxApiUrl = reader.url('LFX_API_URL', 'the base URL of the LFX API, such as https://api.lfx.dev');
  const tokenEndpoint = reader.url('LFX_TOKEN_ENDPOINT', "the token endpoint URL of the LFX authorization server");
  const clientId = reader.required('LFX_CLIENT_ID', 'the OAuth client id of this MCP server at the LFX authorization server');
  const lfxAudience = reader.required('LFX_AUDIENCE', 'the audience of the LFX API tokens, as the LFX authorization server names it');
  const subjectTokenType = reader.optional('LFX_SUBJECT_TOKEN_TYPE') ?? DEFAULT_SUBJECT_TOKEN_TYPE;
  if (!subjectTokenType.startsWith('urn:')) {
    problems.push('LFX_SUBJECT_TOKEN_TYPE must be a token type URI such as urn:ietf:params:oauth:token-type:access_token.');
  }

  const credentials = readClientCredentials(env, problems, readFile);
  const host = reader.optional('HOST') ?? DEFAULT_HOST;
  const port = readPort(env, problems);

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  // Each reader pushed a problem for every value it could not return, so none is undefined here.
  const resource = publicUrl as URL;
  return {
    host,
    port,
    publicUrl: resource,
    audience: audienceList ?? [resource.href],
    authServers: authServers as string[],
    scopes,
    lfxApiUrl: (lfxApiUrl as URL).href.replace(/\/$/, ''),
    tokenExchange: {
      tokenEndpoint: (tokenEndpoint as URL).href,
      clientId: clientId as string,
      ...credentials,
      ...optionalSetting(env, 'LFX_CLIENT_ASSERTION_KEY_ID', 'clientAssertionKeyId'),
      ...optionalSetting(env, 'LFX_CLIENT_ASSERTION_AUDIENCE', 'clientAssertionAudience'),
      subjectTokenType,
      audience: lfxAudience as string,
    },
  };
}

/** Returns the settings that are safe to log: every setting except the secret and the key. */
export function describeConfig(config: ServerConfig): Record<string, string> {
  const { tokenExchange } = config;
  return {
    listen: `${config.host}:${config.port}`,
    publicUrl: config.publicUrl.href,
    authServers: config.authServers.join(' '),
    lfxApiUrl: config.lfxApiUrl,
    tokenEndpoint: tokenExchange.tokenEndpoint,
    clientId: tokenExchange.clientId,
    clientAuthentication: tokenExchange.clientAssertionSigningKey === undefined ? 'client_secret_post' : 'private_key_jwt',
    lfxAudience: tokenExchange.audience,
  };
}

class SettingReader {
  constructor(
    private readonly env: Environment,
    private readonly problems: string[],
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string, meaning: string): string | undefined {
    const value = this.optional(name);
    if (value === undefined) {
      this.problems.push(`${name} is missing: set it to ${meaning}.`);
    }
    return value;
  }

  url(name: string, meaning: string): URL | undefined {
    const value = this.required(name, meaning);
    if (value === undefined) {
      return undefined;
    }

    const url = URL.parse(value);
    if (url === null || !isAllowedUrl(url)) {
      this.problems.push(`${name} must be an https URL, or an http URL on a loopback host (127.0.0.1, [::1], localhost).`);
      return undefined;
    }
    return url;
  }

  urlList(name: string, meaning: string): string[] | undefined {
    const list = this.optionalList(name);
    if (list === undefined) {
      this.problems.push(`${name} is missing: set it to ${meaning}, separated by commas or spaces.`);
      return undefined;
    }

    const invalid = list.some((value) => {
      const url = URL.parse(value);
      return url === null || !isAllowedUrl(url);
    });
    if (invalid) {
      this.problems.push(`${name} must list https URLs, or http URLs on a loopback host (127.0.0.1, [::1], localhost).`);
      return undefined;
    }
    return list;
  }

  optionalList(name: string): string[] | undefined {
    const values = this.optional(name)?.split(/[\s,]+/).filter((value) => value !== '');
    return values === undefined || values.length === 0 ? undefined : values;
  }
}

function readClientCredentials(
  env: Environment,
  problems: string[],
  readFile: (path: string) => string,
): Pick<TokenExchangeSettings, 'clientSecret' | 'clientAssertionSigningKey'> {
  const keyFile = env.LFX_CLIENT_ASSERTION_KEY_FILE?.trim() || undefined;
  const secret = env.LFX_CLIENT_SECRET || undefined;

  if (keyFile === undefined && secret === undefined) {
    problems.push(
      'LFX_CLIENT_ASSERTION_KEY_FILE or LFX_CLIENT_SECRET is missing: set one of them to authenticate this MCP server to the LFX authorization server.',
    );
    return {};
  }
  if (keyFile !== undefined && secret !== undefined) {
    problems.push('LFX_CLIENT_ASSERTION_KEY_FILE and LFX_CLIENT_SECRET are both set: keep only the one the LFX authorization server expects.');
    return {};
  }
  if (secret !== undefined) {
    return { clientSecret: secret };
  }

  let pem: string;
  try {
    pem = readFile(keyFile as string);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    problems.push(`LFX_CLIENT_ASSERTION_KEY_FILE could not be read (${code}): check the path and the file's permissions.`);
    return {};
  }

  try {
    createPrivateKey(pem);
  } catch {
    problems.push('LFX_CLIENT_ASSERTION_KEY_FILE does not contain a PEM private key: give a PKCS#8 or PKCS#1 RSA private key.');
    return {};
  }
  return { clientAssertionSigningKey: pem };
}

function readPort(env: Environment, problems: string[]): number {
  const value = env.PORT?.trim();
  if (value === undefined || value === '') {
    return DEFAULT_PORT;
  }

  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    problems.push('PORT must be an integer from 0 to 65535.');
    return DEFAULT_PORT;
  }
  return port;
}

function optionalSetting<Key extends 'clientAssertionKeyId' | 'clientAssertionAudience'>(
  env: Environment,
  name: string,
  key: Key,
): Partial<Record<Key, string>> {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? {} : ({ [key]: value } as Partial<Record<Key, string>>);
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isAllowedUrl(url: URL): boolean {
  if (url.protocol === 'https:') {
    return true;
  }
  return url.protocol === 'http:' && (LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname));
}
