import { GauzyMcpError, type GauzyIdentity, type Logger } from '@gauzy-mcp/core';
import { tokenExpiry, type GauzyHttp, type GauzyTokenSource } from '@gauzy-mcp/core/internal';
import { VaultEmptyError, type CredentialVault, type VaultRecord } from '@gauzy-mcp/core/state';

/**
 * A Gauzy token source for a user who signed in through the authorization server: their tokens come
 * from the shared vault, and a refresh (10 s before expiry, or after a 401) happens once across every
 * instance. The MCP client's own token never reaches Gauzy.
 */
export class VaultTokenSource implements GauzyTokenSource {
  private record?: VaultRecord;
  private refreshing?: Promise<string>;

  constructor(
    private readonly subject: string,
    private readonly vault: CredentialVault,
    private readonly http: GauzyHttp,
    private readonly log: Logger,
    private readonly refreshBufferMs = 10_000,
  ) {}

  get identity(): GauzyIdentity | undefined {
    return this.record?.identity;
  }

  async accessToken(signal?: AbortSignal): Promise<string> {
    // Read every time (one store read): the vault is the source of truth, so a refresh by another instance
    // is picked up, and a revoked grant (the entry deleted) stops this user's calls at once.
    this.record = await this.load();
    if (this.record.tokens.expiresAt - Date.now() > this.refreshBufferMs) return this.record.tokens.token;
    return this.refresh(signal);
  }

  async recover(tokenUsed: string, signal?: AbortSignal): Promise<string> {
    if (this.refreshing) return this.refreshing;
    if (this.record && this.record.tokens.token !== tokenUsed) return this.record.tokens.token;
    return this.refresh(signal);
  }

  private refresh(signal?: AbortSignal): Promise<string> {
    this.refreshing ??= (async () => {
      const stale = this.record ?? (await this.load());
      try {
        this.record = await this.vault.refresh(this.subject, stale, (current) => this.exchange(current, signal));
      } catch (error) {
        if (error instanceof VaultEmptyError) throw signedOut();
        throw error;
      }
      return this.record.tokens.token;
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<VaultRecord> {
    const record = await this.vault.get(this.subject);
    if (!record) throw signedOut();
    return record;
  }

  private async exchange(current: VaultRecord, signal?: AbortSignal): Promise<VaultRecord> {
    try {
      const { data } = await this.http.send<{ token?: string; refresh_token?: string }>(
        { method: 'POST', route: '/api/auth/refresh-token', body: { refresh_token: current.tokens.refreshToken }, signal },
        {},
      );
      if (!data?.token) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['refresh-token answered without a token']);
      this.log.debug('Gauzy access token refreshed from the vault');
      return { ...current, tokens: { token: data.token, refreshToken: data.refresh_token ?? current.tokens.refreshToken, expiresAt: tokenExpiry(data.token, Date.now()) } };
    } catch (error) {
      if (error instanceof GauzyMcpError && error.code === 'GMCP_ERR_GAUZY_UNAUTHORIZED') throw signedOut();
      throw error;
    }
  }
}

function signedOut(): GauzyMcpError {
  return new GauzyMcpError('GMCP_ERR_NOT_SIGNED_IN', ['your Gauzy session has ended; sign in again through your MCP client']);
}
