import { randomBytes } from 'node:crypto';
import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

/**
 * The MCP client's OAuth state, kept in memory for one run: a public client registered in advance
 * at the authorization server, using the authorization code flow with PKCE.
 *
 * The SDK calls `redirectToAuthorization` where a desktop client would open a browser. This one
 * only records the URL: the demo hands it to its user agent and then calls the transport's
 * `finishAuth` with the code.
 */
export class DemoOAuthProvider implements OAuthClientProvider {
  private information: OAuthClientInformationMixed;
  private storedTokens: OAuthTokens | undefined;
  private verifier: string | undefined;
  private expectedState: string | undefined;
  private authorizationUrl: URL | undefined;
  private discovery: OAuthDiscoveryState | undefined;

  constructor(private readonly settings: { clientId: string; redirectUrl: string }) {
    this.information = { client_id: settings.clientId };
  }

  get redirectUrl(): string {
    return this.settings.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'LFX SDK demo client',
      redirect_uris: [this.settings.redirectUrl],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state(): string {
    this.expectedState = randomBytes(16).toString('base64url');
    return this.expectedState;
  }

  clientInformation(): OAuthClientInformationMixed {
    return this.information;
  }

  saveClientInformation(information: OAuthClientInformationMixed): void {
    this.information = information;
  }

  tokens(): OAuthTokens | undefined {
    return this.storedTokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.storedTokens = tokens;
  }

  redirectToAuthorization(authorizationUrl: URL): void {
    this.authorizationUrl = authorizationUrl;
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.verifier = codeVerifier;
  }

  codeVerifier(): string {
    if (this.verifier === undefined) {
      throw new Error('no PKCE code verifier: the authorization flow has not started');
    }
    return this.verifier;
  }

  /** Keeps what discovery found, so that `finishAuth` does not discover again. */
  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovery;
  }

  /** Returns the URL that the SDK passed to `redirectToAuthorization`, and clears it. */
  takeAuthorizationUrl(): URL | undefined {
    const url = this.authorizationUrl;
    this.authorizationUrl = undefined;
    return url;
  }

  /** Returns whether `state` from the redirect is the one this client sent (RFC 6749 section 10.12). */
  isExpectedState(state: string | undefined): boolean {
    return state !== undefined && state === this.expectedState;
  }
}
