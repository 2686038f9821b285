// Reads one project as the caller whose token arrives in CALLER_TOKEN, the way an MCP tool
// handler does: the token is exchanged for an LFX API token, which the project client sends.
import { createClients, withMCPToken } from '@lfx/mcp-auth';
import type { ProjectBase } from '@lfx/project-client';
import { TokenExchangeClient } from '@lfx/token-exchange';

const SETTINGS = [
  'LFX_TOKEN_ENDPOINT',
  'LFX_CLIENT_ID',
  'LFX_CLIENT_SECRET',
  'LFX_AUDIENCE',
  'LFX_API_URL',
  'CALLER_TOKEN',
  'PROJECT_UID',
] as const;

type Settings = Record<(typeof SETTINGS)[number], string>;

function readSettings(): Settings {
  const missing = SETTINGS.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`missing environment variables: ${missing.join(', ')}`);
  }
  return Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]])) as Settings;
}

const settings = readSettings();

const tokenExchangeClient = new TokenExchangeClient({
  tokenEndpoint: settings.LFX_TOKEN_ENDPOINT,
  clientId: settings.LFX_CLIENT_ID,
  clientSecret: settings.LFX_CLIENT_SECRET,
  subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token',
  audience: settings.LFX_AUDIENCE,
});
const clients = createClients({ apiDomain: settings.LFX_API_URL, tokenExchangeClient });

const { data, error, response } = await withMCPToken(settings.CALLER_TOKEN, () =>
  clients.project.GET('/projects/{uid}', { params: { path: { uid: settings.PROJECT_UID } } }),
);

if (error !== undefined) {
  console.error(`GET /projects/{uid} failed with HTTP ${response.status}`);
  process.exit(1);
}

const project: ProjectBase = data;
console.log(JSON.stringify({ uid: project.uid, name: project.name, etag: response.headers.get('etag') }));
