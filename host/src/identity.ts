import type { Caller } from '@gauzy-mcp/core/internal';

/**
 * Who is behind a request to the host. Every tool call runs as `caller` (a Gauzy session of that user);
 * `key` is a stable, non-secret name used to bind sessions and to count rate limits.
 */
export interface Identity {
  /** Stable and non-secret, e.g. `dev:alice` or `user:<sub>`; sessions opened by one key refuse every other key. */
  key: string;
  /** For logs and audit records. */
  label: string;
  caller: Caller;
  /** OAuth scopes granted; undefined means unrestricted (development accounts). */
  scopes?: readonly string[];
  /** When the credential behind this identity stops being valid (epoch ms); a WebSocket it opened closes then. */
  expiresAt?: number;
}

/** What authenticates a request. The development accounts implement it now; the OAuth bearer check replaces them. */
export interface Authenticator {
  /** Describes the mode for the start-up banner and /health. */
  readonly mode: string;
  /**
   * Resolves the identity behind the request's headers, or throws a HostHttpError (401 with a
   * `WWW-Authenticate` challenge when credentials are missing or wrong).
   */
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Identity>;
  /**
   * For readiness: resolves when the credentials this authenticator signs in with work, rejects naming those that
   * do not. Modes without configured credentials (OAuth: each user signs in) leave it out.
   */
  checkCredentials?(): Promise<void>;
  close?(): Promise<void>;
}
