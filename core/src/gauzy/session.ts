import { GauzyMcpError, isGauzyMcpError } from '../errors.js';
import type { Logger } from '../log.js';
import type { GauzyHttp } from './http.js';

export interface GauzyCredentials {
  email: string;
  password: string;
}

export interface GauzyTokens {
  token: string;
  refreshToken: string;
  /** Epoch milliseconds at which `token` stops being accepted. */
  expiresAt: number;
}

export interface GauzyOrganizationRef {
  id: string;
  name?: string;
}

/** Who the session acts as, learned from `GET /api/user/me` after sign-in. */
export interface GauzyIdentity {
  userId: string;
  email: string;
  name: string;
  role?: string;
  tenantId: string;
  employeeId?: string;
  /** The organization tools act in unless the caller picks another one of `organizations`. */
  organizationId: string;
  organizations: GauzyOrganizationRef[];
}

export interface GauzySessionOptions {
  /** The account this session was configured with; after a sign-out, the next call signs in as it again. */
  credentials?: GauzyCredentials;
  /**
   * What to tell the user when there are no credentials to sign in with (e.g. which tool signs in),
   * appended to the error. Only the server knows what it offers, so it says.
   */
  signInHint?: string;
  /** Preferred organization (must be one the user belongs to). */
  organizationId?: string;
  /** Refresh this long before the access token expires (the contract asks for 10 s). */
  refreshBufferMs?: number;
  log: Logger;
  now?: () => number;
}

/**
 * One Gauzy user's tokens and identity. Gauzy rotates refresh tokens and revokes the old one, so two
 * refreshes racing would sign the user out: every refresh goes through one in-flight promise that
 * concurrent callers share, and the rotated refresh token replaces the old one.
 */
export class GauzySession {
  private tokens?: GauzyTokens;
  /** The account signed in now (or next): the configured one, or the one given to the last `signIn`. */
  private credentials?: GauzyCredentials;
  private readonly configuredCredentials?: GauzyCredentials;
  private readonly signInHint?: string;
  private signedOut = false;
  private refreshing?: Promise<string>;
  private signingIn?: Promise<GauzyIdentity>;
  private currentIdentity?: GauzyIdentity;
  private readonly preferredOrganizationId?: string;
  private readonly refreshBufferMs: number;
  private readonly log: Logger;
  private readonly now: () => number;
  /** Counts refresh exchanges; exposed for diagnostics and tests. */
  refreshCount = 0;

  constructor(private readonly http: GauzyHttp, options: GauzySessionOptions) {
    this.credentials = options.credentials;
    this.configuredCredentials = options.credentials;
    this.signInHint = options.signInHint;
    this.preferredOrganizationId = options.organizationId;
    this.refreshBufferMs = options.refreshBufferMs ?? 10_000;
    this.log = options.log;
    this.now = options.now ?? Date.now;
  }

  get identity(): GauzyIdentity | undefined {
    return this.currentIdentity;
  }

  get signedIn(): boolean {
    return this.tokens !== undefined && this.currentIdentity !== undefined;
  }

  get tokenExpiresAt(): number | undefined {
    return this.tokens?.expiresAt;
  }

  /**
   * The signed-in tokens and identity, for handing over to a store that keeps them for the user (the
   * authorization server's vault). Undefined before sign-in.
   */
  snapshot(): { tokens: GauzyTokens; identity: GauzyIdentity } | undefined {
    return this.tokens && this.currentIdentity ? { tokens: { ...this.tokens }, identity: structuredClone(this.currentIdentity) } : undefined;
  }

  /** The configured account's email: whom the next call signs in as once this session is signed out. */
  get configuredAccount(): string | undefined {
    return this.configuredCredentials?.email;
  }

  get hasRefreshToken(): boolean {
    return Boolean(this.tokens?.refreshToken);
  }

  /** Signs in with the given (or stored) credentials and loads the identity. */
  async signIn(credentials: GauzyCredentials | undefined = this.credentials, signal?: AbortSignal): Promise<GauzyIdentity> {
    if (!credentials) throw this.noCredentials();
    const tokens = await this.login(credentials, signal);
    const identity = await this.loadIdentity(tokens.token, signal);
    // Tokens and identity become visible together: a call that sees the tokens must find the identity too.
    this.credentials = credentials;
    this.tokens = tokens;
    this.currentIdentity = identity;
    this.signedOut = false;
    this.log.debug('signed in to Gauzy', { user: this.currentIdentity.email, tenantId: this.currentIdentity.tenantId });
    return this.currentIdentity;
  }

  /**
   * Ends the Gauzy session: revokes the refresh token at Gauzy and forgets the tokens, the identity and
   * any account given to `signIn`. The configured account stays (it came from the server's own
   * configuration, which a sign-out does not change), so the next call signs in as it again.
   */
  async signOut(signal?: AbortSignal): Promise<void> {
    const tokens = this.tokens;
    this.tokens = undefined;
    this.currentIdentity = undefined;
    this.credentials = this.configuredCredentials;
    this.signedOut = true;
    if (!tokens) return;
    try {
      await this.http.send({ method: 'POST', route: '/api/auth/logout', body: { refresh_token: tokens.refreshToken }, signal }, { authorization: `Bearer ${tokens.token}` });
    } catch (error) {
      this.log.warn('Gauzy logout failed; local session cleared anyway', { error });
    }
  }

  /** A valid access token, refreshed first when it expires within the buffer. */
  async accessToken(signal?: AbortSignal): Promise<string> {
    if (!this.tokens) {
      // Calls that arrive together before the first sign-in share one login.
      this.signingIn ??= this.signIn(undefined, signal).finally(() => {
        this.signingIn = undefined;
      });
      await this.signingIn;
    }
    const tokens = this.tokens!;
    if (tokens.expiresAt - this.now() > this.refreshBufferMs) return tokens.token;
    return this.refresh(signal);
  }

  /**
   * Called after Gauzy answered 401 to a request made with `tokenUsed`. If another caller already
   * replaced that token, the new one is returned without a second refresh.
   */
  async recover(tokenUsed: string, signal?: AbortSignal): Promise<string> {
    if (this.refreshing) return this.refreshing;
    if (this.tokens && this.tokens.token !== tokenUsed) return this.tokens.token;
    return this.refresh(signal);
  }

  /** Refreshes the access token; concurrent callers share one exchange. */
  refresh(signal?: AbortSignal): Promise<string> {
    if (!this.refreshing) {
      this.refreshing = this.exchangeRefreshToken(signal).finally(() => {
        this.refreshing = undefined;
      });
    }
    return this.refreshing;
  }

  private async exchangeRefreshToken(signal?: AbortSignal): Promise<string> {
    const current = this.tokens;
    if (current?.refreshToken) {
      try {
        const { data } = await this.http.send<{ token?: string; refresh_token?: string }>(
          { method: 'POST', route: '/api/auth/refresh-token', body: { refresh_token: current.refreshToken }, signal },
          {},
        );
        if (!data?.token) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['refresh-token answered without a token']);
        this.refreshCount++;
        this.tokens = { token: data.token, refreshToken: data.refresh_token ?? current.refreshToken, expiresAt: tokenExpiry(data.token, this.now()) };
        this.log.debug('Gauzy access token refreshed');
        return this.tokens.token;
      } catch (error) {
        if (isGauzyMcpError(error, 'GMCP_ERR_CANCELLED')) throw error;
        this.log.warn('Gauzy token refresh failed; signing in again', { error });
      }
    }
    // Nothing to refresh (never signed in, or signed out): a full sign-in, so the identity is loaded too.
    if (!current || !this.currentIdentity) {
      await this.signIn(undefined, signal);
      return this.tokens!.token;
    }
    if (!this.credentials) throw new GauzyMcpError('GMCP_ERR_NOT_SIGNED_IN', ['the Gauzy session expired and no credentials are stored to sign in again']);
    this.tokens = await this.login(this.credentials, signal);
    return this.tokens.token;
  }

  private noCredentials(): GauzyMcpError {
    const state = this.signedOut ? 'signed out, and no Gauzy credentials are configured to sign in again with' : 'no Gauzy credentials are configured';
    return new GauzyMcpError('GMCP_ERR_NOT_SIGNED_IN', [this.signInHint ? `${state}: ${this.signInHint}` : state]);
  }

  private async login(credentials: GauzyCredentials, signal?: AbortSignal): Promise<GauzyTokens> {
    try {
      const { data } = await this.http.send<{ token?: string; refresh_token?: string }>(
        { method: 'POST', route: '/api/auth/login', body: { email: credentials.email, password: credentials.password }, signal },
        {},
      );
      if (!data?.token) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['login answered without a token']);
      return { token: data.token, refreshToken: data.refresh_token ?? '', expiresAt: tokenExpiry(data.token, this.now()) };
    } catch (error) {
      if (isGauzyMcpError(error, 'GMCP_ERR_GAUZY_UNAUTHORIZED')) {
        throw new GauzyMcpError('GMCP_ERR_NOT_SIGNED_IN', [`Gauzy rejected the email or password for ${credentials.email}`], error.details);
      }
      throw error;
    }
  }

  private async loadIdentity(token: string, signal?: AbortSignal): Promise<GauzyIdentity> {
    const headers = { authorization: `Bearer ${token}` };
    const { data: me } = await this.http.send<MeResponse>(
      { method: 'GET', route: '/api/user/me', query: { includeEmployee: true, includeOrganization: true, relations: ['role'] }, signal },
      headers,
    );
    if (!me?.id || !me.tenantId) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['/api/user/me answered without a user id or tenant']);
    const organizations = await this.loadOrganizations(me, { ...headers, 'tenant-id': me.tenantId }, signal);
    const candidates = [this.preferredOrganizationId, me.employee?.organizationId, me.lastOrganizationId, me.defaultOrganizationId, organizations[0]?.id];
    const organizationId = candidates.find((id): id is string => Boolean(id) && organizations.some((org) => org.id === id));
    if (this.preferredOrganizationId && organizationId !== this.preferredOrganizationId) {
      throw new GauzyMcpError('GMCP_ERR_ORGANIZATION_NOT_ALLOWED', [this.preferredOrganizationId]);
    }
    if (!organizationId) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', [`user ${me.email} belongs to no organization`]);
    return {
      userId: me.id,
      email: me.email ?? '',
      name: [me.firstName, me.lastName].filter(Boolean).join(' ') || me.email || me.id,
      role: me.role?.name,
      tenantId: me.tenantId,
      employeeId: me.employee?.id ?? undefined,
      organizationId,
      organizations,
    };
  }

  private async loadOrganizations(me: MeResponse, headers: Record<string, string>, signal?: AbortSignal): Promise<GauzyOrganizationRef[]> {
    const { data } = await this.http.send<{ items?: Array<{ organizationId?: string; isActive?: boolean; organization?: { id: string; name?: string } }> }>(
      { method: 'GET', route: '/api/user-organization', query: { where: { userId: me.id, tenantId: me.tenantId }, relations: ['organization'] }, signal },
      headers,
    );
    const seen = new Map<string, GauzyOrganizationRef>();
    for (const row of data?.items ?? []) {
      const id = row.organization?.id ?? row.organizationId;
      if (id && row.isActive !== false && !seen.has(id)) seen.set(id, { id, name: row.organization?.name });
    }
    if (me.employee?.organizationId && !seen.has(me.employee.organizationId)) {
      seen.set(me.employee.organizationId, { id: me.employee.organizationId, name: me.employee.organization?.name });
    }
    return [...seen.values()];
  }
}

interface MeResponse {
  id: string;
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  tenantId: string;
  lastOrganizationId?: string | null;
  defaultOrganizationId?: string | null;
  role?: { name?: string };
  employee?: { id: string; organizationId?: string; organization?: { name?: string } } | null;
}

/** Reads `exp` from a JWT without verifying it (Gauzy verifies; we only schedule refreshes). */
export function tokenExpiry(token: string, now: number): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
    if (typeof payload.exp === 'number') return payload.exp * 1000;
  } catch {
    // Not a JWT: fall through to a conservative guess.
  }
  return now + 60 * 60 * 1000;
}
