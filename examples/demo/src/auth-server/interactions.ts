import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';

/** A person who can sign in to the demo's authorization server. */
export interface DemoUser {
  /** `sub` of every token issued for this person. */
  accountId: string;
  /** Name typed at the sign-in prompt, also issued as the LFX username claim. */
  username: string;
}

const INTERACTION_PATH = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/;
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Returns a request handler for oidc-provider's interaction URLs, or `undefined` for other paths.
 *
 * A real authorization server renders sign-in and consent pages here. The demo has no browser, so
 * `GET /interaction/:uid` returns the pending prompt as JSON, and the demo's user agent answers it
 * with `POST /interaction/:uid/login` (form field `username`) or `POST /interaction/:uid/consent`.
 * Both POST routes end in a 303 back to the authorization endpoint, as a browser form post would.
 */
export function interactionRoute(
  provider: Provider,
  users: readonly DemoUser[],
  request: IncomingMessage,
): ((response: ServerResponse) => Promise<void>) | undefined {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const match = INTERACTION_PATH.exec(path);
  if (match === null) {
    return undefined;
  }

  const action = match[2];
  return async (response) => {
    try {
      if (action === undefined && request.method === 'GET') {
        await showPrompt(provider, request, response);
      } else if (action === 'login' && request.method === 'POST') {
        await answerLogin(provider, users, request, response);
      } else if (action === 'consent' && request.method === 'POST') {
        await answerConsent(provider, request, response);
      } else {
        sendJson(response, 405, { error: 'invalid_request', error_description: 'method not allowed' });
      }
    } catch (error) {
      // interactionDetails throws SessionNotFound when the interaction cookie is missing or expired.
      const description = error instanceof Error ? error.message : 'interaction failed';
      sendJson(response, 400, { error: 'invalid_request', error_description: description });
    }
  };
}

async function showPrompt(provider: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const interaction = await provider.interactionDetails(request, response);

  sendJson(response, 200, {
    uid: interaction.uid,
    prompt: interaction.prompt.name,
    client_id: interaction.params.client_id,
    scope: interaction.params.scope,
    resource: interaction.params.resource,
  });
}

async function answerLogin(
  provider: Provider,
  users: readonly DemoUser[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const interaction = await provider.interactionDetails(request, response);
  assertPrompt(interaction, 'login');

  const form = await readForm(request);
  const user = users.find((candidate) => candidate.username === form.get('username'));
  if (user === undefined) {
    sendJson(response, 400, { error: 'access_denied', error_description: 'unknown username' });
    return;
  }

  await provider.interactionFinished(request, response, { login: { accountId: user.accountId } }, {
    mergeWithLastSubmission: false,
  });
}

/** Grants every scope and resource scope that the pending consent prompt lists as missing. */
async function answerConsent(provider: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const interaction = await provider.interactionDetails(request, response);
  assertPrompt(interaction, 'consent');

  const accountId = interaction.session?.accountId;
  const clientId = interaction.params.client_id;
  if (accountId === undefined || typeof clientId !== 'string') {
    sendJson(response, 400, { error: 'invalid_request', error_description: 'consent needs a signed-in session' });
    return;
  }

  const grant =
    (interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId)) ??
    new provider.Grant({ accountId, clientId });

  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope !== undefined) {
    grant.addOIDCScope(details.missingOIDCScope.join(' '));
  }
  if (details.missingOIDCClaims !== undefined) {
    grant.addOIDCClaims(details.missingOIDCClaims);
  }
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }

  const grantId = await grant.save();
  await provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function assertPrompt(interaction: Interaction, expected: string): void {
  if (interaction.prompt.name !== expected) {
    throw new Error(`the pending prompt is ${JSON.stringify(interaction.prompt.name)}, not ${JSON.stringify(expected)}`);
  }
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) {
      throw new Error(`the form is larger than ${MAX_FORM_BYTES} bytes`);
    }
  }
  return new URLSearchParams(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
