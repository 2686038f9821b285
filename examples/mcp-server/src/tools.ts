import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { extractMCPToken, McpAuthError, withMCPToken, type LfxClients } from '@lfx/mcp-auth';
import type { ProjectBase, ProjectFull, ProjectSettings, UserInfo } from '@lfx/project-client';
import { TokenExchangeError } from '@lfx/token-exchange';
import { z } from 'zod';

import type { Logger } from './logger.js';

/** Maximum number of projects that `search_projects` returns, whatever `limit` requests. */
export const MAX_SEARCH_RESULTS = 50;

type RequestExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const projectSummary = z.object({
  uid: z.string(),
  slug: z.string(),
  name: z.string(),
  category: z.string().optional(),
  stage: z.string().optional(),
  isFoundation: z.boolean(),
  description: z.string().optional(),
});

const projectDetails = projectSummary.extend({
  parentUid: z.string().optional(),
  public: z.boolean().optional(),
  fundingStatus: z.string().optional(),
  formationDate: z.string().optional(),
  websiteUrl: z.string().optional(),
  repositoryUrl: z.string().optional(),
  etag: z.string().optional(),
});

const person = z.object({ name: z.string().optional(), username: z.string().optional() });

const projectSettings = z.object({
  uid: z.string(),
  missionStatement: z.string().optional(),
  announcementDate: z.string().optional(),
  executiveDirector: person.optional(),
  programManager: person.optional(),
  writers: z.array(person),
  auditors: z.array(person),
  meetingCoordinators: z.array(person),
  etag: z.string().optional(),
});

const uid = z.uuid().describe('The project uid, a UUID such as search_projects returns.');

/**
 * Registers the project tools on an MCP server. Every tool calls the LFX project service as the
 * caller: it takes the caller's token from `extra.authInfo` (set by `requireBearerAuth`) and runs
 * its LFX API calls inside `withMCPToken`, so the shared clients exchange that token.
 *
 * API failures come back as tool results with `isError: true` and a message for the model;
 * the log gets the error code, never a token.
 */
export function registerProjectTools(server: McpServer, clients: Pick<LfxClients, 'project'>, log: Logger): void {
  server.registerTool(
    'search_projects',
    {
      title: 'Search LFX projects',
      description: 'Finds LFX projects whose name, slug or description contains the query (case-insensitive).',
      inputSchema: {
        query: z.string().trim().min(1).describe('Text to look for, such as a project name.'),
        limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).optional().describe(`At most this many results. Default: 10.`),
      },
      outputSchema: { projects: z.array(projectSummary), total: z.number().int() },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ query, limit = 10 }, extra) =>
      asCaller('search_projects', extra, log, async () => {
        const { data, response } = await clients.project.GET('/projects');
        if (data === undefined) {
          return apiFailure(response.status, 'the project list');
        }

        const needle = query.toLowerCase();
        const matches = data.projects.filter((project) =>
          [project.name, project.slug, project.description].some((field) => field?.toLowerCase().includes(needle)),
        );
        const projects = matches.slice(0, limit).map(summarize);
        return result({ projects, total: matches.length });
      }),
  );

  server.registerTool(
    'get_project',
    {
      title: 'Get an LFX project',
      description: 'Returns one LFX project: its category, stage, parent, funding and URLs.',
      inputSchema: { uid },
      outputSchema: projectDetails.shape,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ uid: projectUid }, extra) =>
      asCaller('get_project', extra, log, async () => {
        const { data, response } = await clients.project.GET('/projects/{uid}', {
          params: { path: { uid: projectUid } },
        });
        if (data === undefined) {
          return apiFailure(response.status, `project ${projectUid}`);
        }
        return result(describeProject(data, response.headers.get('etag')));
      }),
  );

  server.registerTool(
    'get_project_settings',
    {
      title: 'Get the settings of an LFX project',
      description: "Returns a project's mission statement, announcement date and the people in its roles.",
      inputSchema: { uid },
      outputSchema: projectSettings.shape,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ uid: projectUid }, extra) =>
      asCaller('get_project_settings', extra, log, async () => {
        const { data, response } = await clients.project.GET('/projects/{uid}/settings', {
          params: { path: { uid: projectUid } },
        });
        if (data === undefined) {
          return apiFailure(response.status, `the settings of project ${projectUid}`);
        }
        return result(describeSettings(projectUid, data, response.headers.get('etag')));
      }),
  );
}

/**
 * Runs a tool body with the caller's MCP token in context, and turns the failures a caller can
 * act on into an error result. Anything else is logged and rethrown, and the SDK reports it.
 */
async function asCaller(
  tool: string,
  extra: RequestExtra,
  log: Logger,
  body: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  const token = extractMCPToken(extra.authInfo);
  const subject = typeof extra.authInfo?.extra?.sub === 'string' ? extra.authInfo.extra.sub : undefined;
  log.info('tool call', { tool, subject });

  try {
    const result = await withMCPToken(token, body);
    if (result.isError === true) {
      const reason = result.content.find((part) => part.type === 'text')?.text;
      log.error('LFX API request failed', { tool, subject, reason });
    }
    return result;
  } catch (error) {
    const exchange = findCause(error, TokenExchangeError);
    if (exchange !== undefined) {
      log.error('token exchange failed', { tool, subject, code: exchange.code, status: exchange.status });
      return failure(`Could not get an LFX API token for this caller: the token exchange failed with ${JSON.stringify(exchange.code)}.`);
    }

    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    log.error('tool failed', { tool, subject, error: error instanceof Error ? error.name : typeof error, code });
    if (error instanceof McpAuthError) {
      throw error;
    }
    return failure(`The LFX API request failed${code === undefined ? '' : ` (${code})`}. Try again later.`);
  }
}

function findCause<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth += 1) {
    if (current instanceof type) {
      return current;
    }
  }
  return undefined;
}

function apiFailure(status: number, resourceName: string): CallToolResult {
  if (status === 404) {
    return failure(`The LFX API has no ${resourceName}.`);
  }
  if (status === 401 || status === 403) {
    return failure(`The LFX API denied access to ${resourceName} for this caller (HTTP ${status}).`);
  }
  return failure(`The LFX API could not return ${resourceName} (HTTP ${status}). Try again later.`);
}

function result(structuredContent: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], structuredContent };
}

function failure(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

function summarize(project: ProjectFull | ProjectBase): z.infer<typeof projectSummary> {
  return {
    uid: project.uid ?? '',
    slug: project.slug ?? '',
    name: project.name ?? '',
    category: project.category,
    stage: project.stage,
    isFoundation: project.is_foundation === true,
    description: project.description,
  };
}

function describeProject(project: ProjectBase, etag: string | null): z.infer<typeof projectDetails> {
  return {
    ...summarize(project),
    parentUid: project.parent_uid,
    public: project.public,
    fundingStatus: project.funding,
    formationDate: project.formation_date,
    websiteUrl: project.website_url,
    repositoryUrl: project.repository_url,
    etag: etag ?? undefined,
  };
}

function describeSettings(projectUid: string, settings: ProjectSettings, etag: string | null): z.infer<typeof projectSettings> {
  return {
    uid: settings.uid ?? projectUid,
    missionStatement: settings.mission_statement,
    announcementDate: settings.announcement_date,
    executiveDirector: describePerson(settings.executive_director),
    programManager: describePerson(settings.program_manager),
    writers: (settings.writers ?? []).map((entry) => describePerson(entry) ?? {}),
    auditors: (settings.auditors ?? []).map((entry) => describePerson(entry) ?? {}),
    meetingCoordinators: (settings.meeting_coordinators ?? []).map((entry) => describePerson(entry) ?? {}),
    etag: etag ?? undefined,
  };
}

/** Keeps a person's name and username, so that email addresses stay out of tool results. */
function describePerson(user: UserInfo | undefined): z.infer<typeof person> | undefined {
  return user === undefined ? undefined : { name: user.name, username: user.username };
}
