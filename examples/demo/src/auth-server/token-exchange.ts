import type { GrantHandler, KoaContext } from 'oidc-provider';
import type { JWTPayload } from 'jose';

import { fingerprint } from '../fingerprint.js';
import type { OidcProviderModule } from './load-provider.js';
import { signAccessToken, verifyOwnToken, type TokenSigner } from './tokens.js';

/** Grant type of OAuth 2.0 Token Exchange, RFC 8693 section 2.1. */
export const GRANT_TYPE_TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** RFC 8693 section 3 token type identifiers that the grant accepts as `subject_token_type`. */
export const TOKEN_TYPE_ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';
export const TOKEN_TYPE_JWT = 'urn:ietf:params:oauth:token-type:jwt';

/** The LFX claim that carries the signed-in person's username. */
export const USERNAME_CLAIM = 'http://lfx.dev/claims/username';

/** Request parameters of the grant besides client authentication, RFC 8693 section 2.1. */
export const TOKEN_EXCHANGE_PARAMETERS = ['subject_token', 'subject_token_type', 'audience', 'scope'] as const;

const SUBJECT_TOKEN_TYPES = new Set([TOKEN_TYPE_ACCESS_TOKEN, TOKEN_TYPE_JWT]);

export interface TokenExchangePolicy {
  /** oidc-provider's error classes, which its token endpoint renders as RFC 6749 error responses. */
  errors: OidcProviderModule['errors'];
  signer: TokenSigner;
  /** `aud` that a subject token must carry: only tokens issued for the MCP server can be exchanged. */
  subjectAudience: () => string;
  /** `audience` values that a client may ask for. Others get `invalid_target`. */
  audiences: () => ReadonlySet<string>;
  /** Lifetime of the issued tokens, in seconds. */
  accessTokenTtlSec: number;
  /** Called once for every token the grant issues. */
  onIssued: (issued: IssuedExchange) => void;
}

/** One token that the grant issued, described without the token itself. */
export interface IssuedExchange {
  clientId: string;
  subject: string;
  audience: string;
  /** First 8 hex digits of the issued token's SHA-256. */
  tokenFingerprint: string;
}

/**
 * Creates the RFC 8693 token-exchange grant handler.
 *
 * oidc-provider has authenticated the client (here by `private_key_jwt`) and checked that the
 * client may use this grant before the handler runs. The handler checks the subject token and the
 * requested audience, then issues a JWT access token for that audience with the subject's `sub`.
 */
export function createTokenExchangeGrant(policy: TokenExchangePolicy): GrantHandler {
  const { errors } = policy;

  return async (ctx: KoaContext) => {
    const subjectToken = requireParameter(policy, ctx, 'subject_token');
    const subjectTokenType = requireParameter(policy, ctx, 'subject_token_type');
    if (!SUBJECT_TOKEN_TYPES.has(subjectTokenType)) {
      throw new errors.InvalidRequest('subject_token_type must be the access_token or jwt token type of RFC 8693');
    }

    const audience = requireParameter(policy, ctx, 'audience');
    if (!policy.audiences().has(audience)) {
      throw new errors.InvalidTarget('the requested audience is not served by this authorization server');
    }

    const subject = await verifySubjectToken(policy, subjectToken);

    const clientId = ctx.oidc.client.clientId;
    const claims: JWTPayload = {
      sub: subject.sub,
      aud: audience,
      client_id: clientId,
      azp: clientId,
      ...(typeof subject.scope === 'string' ? { scope: subject.scope } : {}),
      ...(typeof subject[USERNAME_CLAIM] === 'string' ? { [USERNAME_CLAIM]: subject[USERNAME_CLAIM] } : {}),
    };

    const accessToken = await signAccessToken(policy.signer, claims, policy.accessTokenTtlSec);
    ctx.body = {
      access_token: accessToken,
      issued_token_type: TOKEN_TYPE_ACCESS_TOKEN,
      token_type: 'Bearer',
      expires_in: policy.accessTokenTtlSec,
      ...(typeof subject.scope === 'string' ? { scope: subject.scope } : {}),
    };
    policy.onIssued({ clientId, subject: subject.sub, audience, tokenFingerprint: fingerprint(accessToken) });
  };
}

function requireParameter(
  policy: TokenExchangePolicy,
  ctx: KoaContext,
  name: (typeof TOKEN_EXCHANGE_PARAMETERS)[number],
): string {
  const value = ctx.oidc.params[name];
  if (typeof value !== 'string' || value === '') {
    throw new policy.errors.InvalidRequest(`missing required parameter '${name}'`);
  }
  return value;
}

async function verifySubjectToken(policy: TokenExchangePolicy, token: string): Promise<JWTPayload & { sub: string }> {
  let payload: JWTPayload;
  try {
    payload = await verifyOwnToken(policy.signer, token, policy.subjectAudience());
  } catch (cause) {
    const error = new policy.errors.InvalidGrant({ cause });
    error.error_description = 'subject_token is invalid, expired, or not issued for the MCP server';
    throw error;
  }

  if (typeof payload.sub !== 'string' || payload.sub === '') {
    const error = new policy.errors.InvalidGrant();
    error.error_description = 'subject_token has no sub claim';
    throw error;
  }
  return { ...payload, sub: payload.sub };
}
