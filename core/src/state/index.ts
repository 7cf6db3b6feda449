// `@gauzy-mcp/core/state`: the shared-state contract the host and the authorization server both use (the
// key-value store, the sealed credential vault). No storage driver here: the Redis store lives in the host.
export { MemoryKeyValueStore } from './key-value.js';
export type { KeyValueStore } from './key-value.js';
export { RecordCipher } from './record-cipher.js';
export { CredentialVault, VaultEmptyError } from './credential-vault.js';
export type { CredentialVaultOptions, VaultRecord } from './credential-vault.js';
export { isStateOutage, StateUnavailableError } from './outage.js';
