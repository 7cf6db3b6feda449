export { startHost } from './start.js';
export type { RunningHost, StartHostOptions } from './start.js';
export { loadHostConfig, hostConfigSchema, isLoopbackHost } from './config.js';
export type { HostConfig, HostConfigInput, LoadedHostConfig } from './config.js';
export { HOST_ENV_OVERRIDES } from './config-env.js';
export type { EnvOverride } from './config-env.js';
export { loadConfiguredPlugins, installedPluginPackages } from './plugins.js';
export type { ModuleImporter, PluginLoadOptions, PluginPreparer } from './plugins.js';
export type { Authenticator, Identity } from './identity.js';
export { HostHttpError, RPC } from './http/errors.js';
export { createHostState, createMemoryState, createRedisState, RecordCipher } from './state/index.js';
export type { HostState, SessionRecord, EventLog, MessageBus, SessionStore, KeyValueStore } from './state/index.js';
export { HostMetrics } from './ops/metrics.js';
export { notifySession } from './http/sessions.js';
// The vault is core's (the authorization server writes it too); re-exported because RunningHost hands one out.
export { CredentialVault, VaultEmptyError } from '@gauzy-mcp/core/state';
export type { VaultRecord } from '@gauzy-mcp/core/state';
export { VaultTokenSource } from './vault-session.js';
export { createBearerAuthenticator } from './bearer-identity.js';
