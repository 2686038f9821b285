// oidc-provider 9 ships no type declarations. These describe only the parts that the demo's
// authorization server calls.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = Record<string, unknown> & {
    uid?: string;
    userCode?: string;
    grantId?: string;
    consumed?: number;
  };

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresInSec: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Client {
    clientId: string;
    clientAuthMethod: string;
  }

  export interface KoaContext {
    oidc: {
      params: Record<string, string | string[] | undefined>;
      client: Client;
      route?: string;
    };
    body: unknown;
  }

  export type GrantHandler = (ctx: KoaContext) => Promise<void>;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface Interaction {
    uid: string;
    params: Record<string, unknown>;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    session?: { accountId?: string };
    grantId?: string;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    registerGrantType(name: string, handler: GrantHandler, params?: Iterable<string>): void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: 'grant.success', listener: (ctx: KoaContext) => void): this;
    on(event: 'grant.error' | 'server_error', listener: (ctx: KoaContext, error: Error) => void): this;
  }

  export type OAuthError = Error & { error: string; error_description?: string; statusCode: number };

  export const errors: {
    AccessDenied: new (description?: string) => OAuthError;
    InvalidGrant: new (options?: { cause?: unknown }) => OAuthError;
    InvalidRequest: new (description?: string) => OAuthError;
    InvalidTarget: new (description?: string) => OAuthError;
    UnauthorizedClient: new (description?: string) => OAuthError;
  };

  export default Provider;
}
