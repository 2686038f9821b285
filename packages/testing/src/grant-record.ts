/** One token-endpoint request that passed client authentication and reached a grant handler. */
export interface GrantRecord {
  grantType: string;
  clientId: string;
  /** The client authentication method that oidc-provider accepted, such as `private_key_jwt`. */
  clientAuthMethod: string;
  /**
   * The grant's parameters as received. `subject_token` and `actor_token` appear with the value
   * `[redacted]`, so a test can check that they were sent without the record holding a token.
   */
  params: Readonly<Record<string, string>>;
  /** `issued`, or the RFC 6749 `error` code that the server returned. */
  outcome: string;
}
