export { buildAuthServer, MCP_SCOPES } from './server.js';
export type { AuthServer, AuthServerOptions } from './server.js';
export { escapeHtml } from './pages.js';
