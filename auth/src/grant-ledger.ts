import type { CredentialVault, KeyValueStore } from '@gauzy-mcp/core/state';

/**
 * Which grants rely on a user's vault entry. The vault holds one Gauzy session per user, shared by every
 * client they authorized; it is deleted when the last of those grants is revoked, not the first.
 */
export class GrantLedger {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly vault: CredentialVault,
    private readonly ttlMs: number,
  ) {}

  async granted(accountId: string, grantId: string): Promise<void> {
    const grants = new Set(await this.grantsOf(accountId));
    grants.add(grantId);
    await this.kv.set(accountKey(accountId), JSON.stringify([...grants]), this.ttlMs);
    await this.kv.set(grantKey(grantId), accountId, this.ttlMs);
  }

  /** Called when oidc-provider revokes a grant; true when that was the user's last one and the vault entry went. */
  async revoked(grantId: string): Promise<boolean> {
    const accountId = await this.kv.get(grantKey(grantId));
    if (!accountId) return false;
    await this.kv.delete(grantKey(grantId));
    const remaining = (await this.grantsOf(accountId)).filter((id) => id !== grantId);
    if (remaining.length > 0) {
      await this.kv.set(accountKey(accountId), JSON.stringify(remaining), this.ttlMs);
      return false;
    }
    await this.kv.delete(accountKey(accountId));
    await this.vault.delete(accountId);
    return true;
  }

  private async grantsOf(accountId: string): Promise<string[]> {
    const stored = await this.kv.get(accountKey(accountId));
    return stored ? (JSON.parse(stored) as string[]) : [];
  }
}

const accountKey = (accountId: string) => `auth-grants:${accountId}`;
const grantKey = (grantId: string) => `auth-grant:${grantId}`;
