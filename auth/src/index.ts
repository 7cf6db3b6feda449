export { buildAuthServer } from './server.js';
export { MCP_SCOPES, DEFAULT_SCOPE, SCOPE_DESCRIPTIONS, scopesAllowedBy } from './scopes.js';
export type { McpScope } from './scopes.js';
export type { AuthServer, AuthServerOptions } from './server.js';
export { escapeHtml } from './pages.js';
export { maintainKeyRing, providerJwks, FileKeyRingStore, DEFAULT_KEY_POLICY } from './signing-keys.js';
export type { KeyRing, KeyPolicy, ManagedKey, SigningAlgorithm } from './signing-keys.js';
export { loadAuthConfig, authConfigSchema } from './config.js';
export type { AuthConfig } from './config.js';
