import { isGauzyMcpError } from '../errors.js';
import type { GauzyHttp, GauzyRequest, GauzyResponse } from './http.js';
import type { GauzyIdentity, GauzySession } from './session.js';

/**
 * Where a client gets the caller's Gauzy access token: their own sign-in (`GauzySession`), or tokens an
 * authorization server keeps for them (the host's vault). Refreshing is the source's business.
 */
export interface GauzyTokenSource {
  readonly identity: GauzyIdentity | undefined;
  /** A token valid for at least the refresh buffer; loads the identity on first use. */
  accessToken(signal?: AbortSignal): Promise<string>;
  /** Called after Gauzy answered 401 to `tokenUsed`: a fresh token, shared with concurrent callers. */
  recover(tokenUsed: string, signal?: AbortSignal): Promise<string>;
}

/**
 * Gauzy calls as the session's user: adds the bearer token and the `Tenant-Id` header (Gauzy's
 * tenant guards answer 403 without it) and, after a 401, recovers the session once and retries.
 */
export class GauzyClient<Source extends GauzyTokenSource = GauzySession> {
  constructor(
    readonly http: GauzyHttp,
    readonly session: Source,
  ) {}

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  async request<T = unknown>(request: GauzyRequest): Promise<GauzyResponse<T>> {
    let token = await this.session.accessToken(request.signal);
    try {
      return await this.http.send<T>(request, this.headers(token));
    } catch (error) {
      if (!isGauzyMcpError(error, 'GMCP_ERR_GAUZY_UNAUTHORIZED')) throw error;
      token = await this.session.recover(token, request.signal);
      return this.http.send<T>(request, this.headers(token));
    }
  }

  private headers(token: string): Record<string, string> {
    const tenantId = this.session.identity?.tenantId;
    return { authorization: `Bearer ${token}`, ...(tenantId ? { 'tenant-id': tenantId } : {}) };
  }
}
