import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { JWTPayload } from 'jose';

import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

/** The claim in which the LFX authorization server puts the caller's LFX username. */
export const LFX_USERNAME_CLAIM = 'http://lfx.dev/claims/username';

/** `AuthInfo.extra` as {@link createJwtVerifier} fills it. */
export interface LfxAuthExtra extends Record<string, unknown> {
  /** The token's `sub` claim. */
  sub: string;
  /** The token's `iss` claim, exactly as the token carries it. */
  iss: string;
  /** The LFX username from the {@link LFX_USERNAME_CLAIM} claim, when the token has one. */
  username?: string;
}

/**
 * Builds the SDK's `AuthInfo` from a verified claims set.
 *
 * @throws {InvalidTokenError} when a claim that `AuthInfo` needs is missing or has the wrong type.
 */
export function toAuthInfo(token: string, payload: JWTPayload, resource: URL | undefined): AuthInfo {
  const { sub, iss, exp } = payload;
  if (typeof sub !== 'string' || sub === '') {
    throw new InvalidTokenError('The token has no sub claim');
  }
  if (typeof iss !== 'string' || typeof exp !== 'number') {
    // jwtVerify already required both, so this check only narrows the types.
    throw new InvalidTokenError('The token has no iss or exp claim');
  }

  const extra: LfxAuthExtra = { sub, iss };
  const username = payload[LFX_USERNAME_CLAIM];
  if (typeof username === 'string' && username !== '') {
    extra.username = username;
  }

  const authInfo: AuthInfo = {
    token,
    clientId: readClientId(payload),
    scopes: readScopes(payload),
    expiresAt: exp,
    extra,
  };
  if (resource !== undefined) {
    authInfo.resource = resource;
  }

  return authInfo;
}

// OpenID Connect and Auth0 use `azp`, and RFC 9068 access tokens carry `client_id`.
function readClientId(payload: JWTPayload): string {
  for (const claim of ['azp', 'client_id']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }

  throw new InvalidTokenError('The token has neither an azp nor a client_id claim');
}

// RFC 8693 and RFC 9068 define `scope` as a space-separated string, but some servers send a
// `scopes` array instead. `scope` wins when both are present.
function readScopes(payload: JWTPayload): string[] {
  const { scope, scopes } = payload;
  if (scope !== undefined) {
    if (typeof scope !== 'string') {
      throw new InvalidTokenError('The token scope claim is not a string');
    }
    return scope.split(' ').filter((item) => item !== '');
  }

  if (scopes !== undefined) {
    if (!Array.isArray(scopes) || !scopes.every((item) => typeof item === 'string')) {
      throw new InvalidTokenError('The token scopes claim is not an array of strings');
    }
    return [...scopes];
  }

  return [];
}
