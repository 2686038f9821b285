// oidc-provider 9 ships no type declarations. These cover only what this package calls, and no
// public type of this package refers to them, so the emitted declarations stay self-contained.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = Record<string, unknown> & {
    uid?: string;
    userCode?: string;
    grantId?: string;
    consumed?: number;
  };

  export interface OidcAdapter {
    upsert(id: string, payload: AdapterPayload, expiresInSec: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface OidcClient {
    clientId: string;
    clientAuthMethod: string;
  }

  export interface GrantContext {
    oidc: {
      params: Record<string, string | string[] | undefined>;
      client: OidcClient;
    };
    body: unknown;
  }

  export type GrantHandler = (ctx: GrantContext) => Promise<void>;

  export interface ProviderConfiguration {
    [option: string]: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration?: ProviderConfiguration);
    readonly issuer: string;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    registerGrantType(name: string, handler: GrantHandler, params?: Iterable<string>, dupes?: Iterable<string>): void;
    on(event: 'grant.error', listener: (ctx: GrantContext, error: Error) => void): this;
    on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): this;
  }

  export type OAuthError = Error & { error: string; error_description?: string; statusCode: number };

  /** Error classes whose instances the token endpoint renders as RFC 6749 error responses. */
  export const errors: {
    InvalidGrant: new (options?: { cause?: unknown }) => OAuthError;
    InvalidRequest: new (description?: string) => OAuthError;
    InvalidTarget: new (description?: string) => OAuthError;
    InvalidScope: new (description?: string) => OAuthError;
    UnauthorizedClient: new (description?: string) => OAuthError;
  };

  export default Provider;
}
