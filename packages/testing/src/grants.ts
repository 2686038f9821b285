import type { GrantContext, GrantHandler, OAuthError, errors as oidcErrors } from 'oidc-provider';
import type { JWTPayload } from 'jose';

import { GRANT_TYPE_TOKEN_EXCHANGE, TOKEN_TYPE_ACCESS_TOKEN, TOKEN_TYPE_JWT } from './constants.js';
import type { GrantRecord } from './grant-record.js';
import { signAccessToken, verifyOwnToken, type TokenSigner } from './tokens.js';

/** Request parameters of the token-exchange grant, RFC 8693 section 2.1, besides client authentication. */
export const TOKEN_EXCHANGE_PARAMETERS = [
  'subject_token',
  'subject_token_type',
  'audience',
  'resource',
  'scope',
  'requested_token_type',
  'actor_token',
  'actor_token_type',
] as const;

/** Request parameters of the client_credentials grant as this server reads them (Auth0 style `audience`). */
export const CLIENT_CREDENTIALS_PARAMETERS = ['audience', 'scope'] as const;

const ACCEPTED_TOKEN_TYPES = new Set([TOKEN_TYPE_ACCESS_TOKEN, TOKEN_TYPE_JWT]);

/** Parameters whose values are credentials, kept out of {@link GrantRecord.params}. */
const REDACTED_PARAMETERS = new Set(['subject_token', 'actor_token']);

export interface GrantSettings {
  /** oidc-provider's error classes, which its token endpoint renders as RFC 6749 error responses. */
  errors: typeof oidcErrors;
  signer: TokenSigner;
  /** Lifetime of the access tokens that the grants issue, in seconds. */
  accessTokenTtlSec: number;
  /** Accepted `audience` values, or `undefined` to accept any non-empty value. */
  audiences: ReadonlySet<string> | undefined;
  record: (grant: GrantRecord) => void;
}

/** Creates the RFC 8693 token-exchange grant handler. */
export function createTokenExchangeHandler(settings: GrantSettings): GrantHandler {
  return recorded(GRANT_TYPE_TOKEN_EXCHANGE, TOKEN_EXCHANGE_PARAMETERS, settings, async (ctx) => {
    const { errors } = settings;
    const params = readParams(ctx, TOKEN_EXCHANGE_PARAMETERS);

    const subjectToken = requireParam(settings, params, 'subject_token');
    const subjectTokenType = requireParam(settings, params, 'subject_token_type');
    if (!ACCEPTED_TOKEN_TYPES.has(subjectTokenType)) {
      throw new errors.InvalidRequest('unsupported subject_token_type');
    }

    const audience = checkAudience(params, settings);
    checkResource(settings, params);

    const issuedTokenType = params.requested_token_type ?? TOKEN_TYPE_ACCESS_TOKEN;
    if (!ACCEPTED_TOKEN_TYPES.has(issuedTokenType)) {
      throw new errors.InvalidRequest('unsupported requested_token_type');
    }

    const actor = await verifyActor(params, settings);
    const subject = await verifyGrantToken(settings, subjectToken, 'subject_token');

    const scope = params.scope ?? (typeof subject.scope === 'string' ? subject.scope : undefined);
    const clientId = ctx.oidc.client.clientId;
    const claims: JWTPayload = {
      sub: subject.sub,
      aud: audience,
      client_id: clientId,
      azp: clientId,
      ...(scope === undefined ? {} : { scope }),
      ...(actor === undefined ? {} : { act: { sub: actor.sub } }),
    };

    ctx.body = {
      access_token: await signAccessToken(settings.signer, claims, settings.accessTokenTtlSec),
      issued_token_type: issuedTokenType,
      token_type: 'Bearer',
      expires_in: settings.accessTokenTtlSec,
      ...(scope === undefined ? {} : { scope }),
    };
  });
}

/**
 * Creates a client_credentials grant handler that reads `audience` the way Auth0 does and issues
 * a JWT whose `sub` is `<client_id>@clients`.
 */
export function createClientCredentialsHandler(settings: GrantSettings): GrantHandler {
  return recorded('client_credentials', CLIENT_CREDENTIALS_PARAMETERS, settings, async (ctx) => {
    const params = readParams(ctx, CLIENT_CREDENTIALS_PARAMETERS);
    const audience = checkAudience(params, settings);

    const clientId = ctx.oidc.client.clientId;
    const claims: JWTPayload = {
      sub: `${clientId}@clients`,
      aud: audience,
      client_id: clientId,
      azp: clientId,
      gty: 'client-credentials',
      ...(params.scope === undefined ? {} : { scope: params.scope }),
    };

    ctx.body = {
      access_token: await signAccessToken(settings.signer, claims, settings.accessTokenTtlSec),
      token_type: 'Bearer',
      expires_in: settings.accessTokenTtlSec,
      ...(params.scope === undefined ? {} : { scope: params.scope }),
    };
  });
}

type Params<Name extends string> = Partial<Record<Name, string>>;

/** Wraps a grant handler so that every request it receives is recorded with its outcome. */
function recorded<Name extends string>(
  grantType: string,
  names: readonly Name[],
  settings: GrantSettings,
  handle: GrantHandler,
): GrantHandler {
  return async (ctx: GrantContext) => {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(readParams(ctx, names))) {
      if (typeof value === 'string') {
        params[name] = REDACTED_PARAMETERS.has(name) ? '[redacted]' : value;
      }
    }

    const grant = {
      grantType,
      clientId: ctx.oidc.client.clientId,
      clientAuthMethod: ctx.oidc.client.clientAuthMethod,
      params,
    };

    try {
      await handle(ctx);
    } catch (error) {
      settings.record({ ...grant, outcome: (error as Partial<OAuthError>).error ?? 'server_error' });
      throw error;
    }

    settings.record({ ...grant, outcome: 'issued' });
  };
}

function readParams<Name extends string>(ctx: GrantContext, names: readonly Name[]): Params<Name> {
  const params: Params<Name> = {};
  for (const name of names) {
    const value = ctx.oidc.params[name];
    if (typeof value === 'string' && value !== '') {
      params[name] = value;
    }
  }
  return params;
}

function requireParam<Name extends string>(settings: GrantSettings, params: Params<Name>, name: Name): string {
  const value = params[name];
  if (value === undefined) {
    throw new settings.errors.InvalidRequest(`missing required parameter '${name}'`);
  }
  return value;
}

function checkAudience(params: Params<'audience'>, settings: GrantSettings): string {
  const audience = requireParam(settings, params, 'audience');
  if (settings.audiences !== undefined && !settings.audiences.has(audience)) {
    throw new settings.errors.InvalidTarget('the requested audience is not served by this authorization server');
  }
  return audience;
}

/** RFC 8693 section 2.1 requires `resource` to be an absolute URI without a fragment. */
function checkResource(settings: GrantSettings, params: Params<'resource'>): void {
  if (params.resource === undefined) {
    return;
  }

  if (!URL.canParse(params.resource) || new URL(params.resource).hash !== '') {
    throw new settings.errors.InvalidTarget('resource must be an absolute URI without a fragment');
  }
}

/** Checks `actor_token` and `actor_token_type`, which RFC 8693 section 2.1 requires together. */
async function verifyActor(
  params: Params<'actor_token' | 'actor_token_type'>,
  settings: GrantSettings,
): Promise<{ sub: string } | undefined> {
  const { errors } = settings;
  const { actor_token: actorToken, actor_token_type: actorTokenType } = params;
  if (actorToken === undefined && actorTokenType === undefined) {
    return undefined;
  }

  if (actorToken === undefined) {
    throw new errors.InvalidRequest('actor_token_type was sent without actor_token');
  }
  if (actorTokenType === undefined) {
    throw new errors.InvalidRequest('actor_token was sent without actor_token_type');
  }
  if (!ACCEPTED_TOKEN_TYPES.has(actorTokenType)) {
    throw new errors.InvalidRequest('unsupported actor_token_type');
  }

  return verifyGrantToken(settings, actorToken, 'actor_token');
}

async function verifyGrantToken(settings: GrantSettings, token: string, name: string): Promise<JWTPayload & { sub: string }> {
  try {
    return await verifyOwnToken(settings.signer, token);
  } catch (cause) {
    const error = new settings.errors.InvalidGrant({ cause });
    error.error_description = `${name} is invalid or expired`;
    throw error;
  }
}
