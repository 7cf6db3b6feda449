import { GauzyMcpError, type Logger, type SessionControl } from '@gauzy-mcp/core';
import { GauzyClient, type Caller, type GauzyHttp } from '@gauzy-mcp/core/internal';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { HostHttpError, RPC } from './http/errors.js';
import type { Authenticator, Identity } from './identity.js';
import type { CredentialVault } from '@gauzy-mcp/core/state';
import { VaultTokenSource } from './vault-session.js';
import { VerifiedTokens } from './verified-tokens.js';

export interface BearerOptions {
  issuer: string;
  jwksUrl: string;
  algorithms: readonly string[];
  /** The host's resource URL: tokens must name it as their audience (RFC 8707). Known once the host listens. */
  audience(): string;
  /** Where the RFC 9728 metadata lives, for the `WWW-Authenticate` challenge. */
  resourceMetadataUrl(): string;
  vault: CredentialVault;
  http: GauzyHttp;
  log: Logger;
  /** Checked tokens kept (default 10,000), and for how long at most (default 60 s; never past the token's `exp`). */
  verifiedTokens?: { maxEntries?: number; maxAgeMs?: number; now?: () => number };
}

interface AccessClaims extends JWTPayload {
  scope?: string;
  tenant_id?: string;
  organization_id?: string;
}

/**
 * Per-user identity from the authorization server's JWT access tokens, checked with `jose` against the
 * issuer's JWKS (fetched and cached; an unknown `kid` triggers one refetch): signature, `iss`, `aud`,
 * `exp`/`nbf`, and an algorithm allowlist (never `none`, never HMAC). The tool then runs with that user's
 * Gauzy tokens from the vault.
 */
export function createBearerAuthenticator(options: BearerOptions): Authenticator {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 });
  const clients = new Map<string, GauzyClient<VaultTokenSource>>();
  const verified = new VerifiedTokens<Identity>({ maxEntries: options.verifiedTokens?.maxEntries ?? 10_000, maxAgeMs: options.verifiedTokens?.maxAgeMs ?? 60_000, now: options.verifiedTokens?.now });
  const clientFor = (subject: string) => {
    let client = clients.get(subject);
    if (!client) {
      client = new GauzyClient(options.http, new VaultTokenSource(subject, options.vault, options.http, options.log.child({ user: subject })));
      clients.set(subject, client);
    }
    return client;
  };
  const challenge = (error: string | undefined, description: string) => {
    const parts = [`resource_metadata="${options.resourceMetadataUrl()}"`];
    if (error) parts.push(`error="${error}"`, `error_description="${description.replace(/"/g, "'")}"`);
    return new HostHttpError(401, RPC.UNAUTHORIZED, description, { 'www-authenticate': `Bearer ${parts.join(', ')}` });
  };

  return {
    mode: `oauth (tokens from ${options.issuer})`,
    async authenticate(headers) {
      const header = Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization;
      if (!header) throw challenge(undefined, 'A bearer token is required.');
      const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(header);
      if (!match) throw challenge('invalid_request', 'The Authorization header must be "Bearer <token>".');
      const known = verified.get(match[1]!);
      if (known) return known;
      let claims: AccessClaims;
      try {
        ({ payload: claims } = await jwtVerify<AccessClaims>(match[1]!, jwks, {
          issuer: options.issuer,
          audience: options.audience(),
          algorithms: [...options.algorithms],
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        throw challenge('invalid_token', describeJoseError(error));
      }
      const subject = claims.sub!;
      const scopes = (claims.scope ?? '').split(' ').filter(Boolean);
      const client = clientFor(subject);
      const caller: Caller = { gauzy: client, session: delegatedSession(client), scopes, subject: `user:${subject}` };
      const identity: Identity = { key: `user:${subject}`, label: subject, caller, scopes, expiresAt: claims.exp! * 1000 };
      verified.set(match[1]!, identity, identity.expiresAt!);
      return identity;
    },
  };
}

/** Session tools under OAuth: status works; signing in and out belong to the client's OAuth flow. */
function delegatedSession(client: GauzyClient<VaultTokenSource>): SessionControl {
  const status = () => ({ signedIn: client.session.identity !== undefined, identity: client.session.identity, gauzyBaseUrl: client.baseUrl, hasRefreshToken: true, refreshCount: 0, mode: 'delegated' as const });
  const notHere = (what: string) => async (): Promise<never> => {
    throw new GauzyMcpError('GMCP_ERR_NOT_SUPPORTED', [`${what} happens through your MCP client's sign-in (OAuth) on this server.`]);
  };
  return {
    status,
    signIn: notHere('Signing in'),
    signOut: notHere('Signing out'),
    refresh: async (signal) => {
      await client.session.accessToken(signal);
      return status();
    },
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not accepted here.`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this server does not accept.';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The token is signed with a key the issuer does not publish.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (error instanceof joseErrors.JWKSTimeout) return 'The issuer\'s keys could not be fetched in time.';
  return 'The token is not valid.';
}
