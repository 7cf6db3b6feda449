/**
 * The kernel's machinery, for the host, the CLI and the testkit: loading and serving a catalog, the Gauzy
 * HTTP client and sessions, the MCP protocol server and stdio. Not part of the plugin-author API (packs
 * import `@gauzy-mcp/core`): these change with the kernel, without a KERNEL_API_VERSION bump.
 */
export { annotationsFor, listedAnnotations, MCP_HINT_DEFAULTS, requiredScope, resolvedAnnotations, scopeAllows } from './annotations.js';
export type { ListedAnnotations, ToolAnnotations } from './annotations.js';
export { convertSchemas, Inventory, inventoryOptionsFromEnv, parseBoolean } from './inventory.js';
export { SCHEMA_CONVERTER, usePrebuiltSchemas, type PrebuiltSchemas } from './prebuilt-schemas.js';
export { LazyAbortController } from './lazy-abort.js';
export type { InventoryOptions, ListedTool, RegisteredTool, ToolsetInfo } from './inventory.js';
export { ToolDispatcher, fieldIssues } from './dispatch.js';
export type { CallContext, Caller, ToolCallResult, ToolCallEvent, ToolDispatcherOptions } from './dispatch.js';
export { errorResult, DEFAULT_MAX_RESULT_BYTES, MAX_ANSWER_BYTES } from './results.js';
export { createLogger, redact, logLevelFromEnv } from './log.js';
export type { LogLevel, LogSink } from './log.js';
export { GauzyHttp } from './gauzy/http.js';
export type { GauzyHttpOptions } from './gauzy/http.js';
export { GauzyClient } from './gauzy/client.js';
export type { GauzyTokenSource } from './gauzy/client.js';
export { GauzySession, tokenExpiry } from './gauzy/session.js';
export type { GauzyTokens } from './gauzy/session.js';
export { encodeQuery, fillRoute } from './gauzy/query.js';
export { DEFAULT_RETRY_POLICY, shouldRetry, retryDelayMs } from './gauzy/retry.js';
export type { RetryPolicy } from './gauzy/retry.js';
export { gauzyMessages } from './gauzy/errors.js';
export { credentialSessionControl } from './credential-session.js';
export { createServerFactory, sessionClientChannel, SERVER_NAME, PROTOCOL_VERSIONS, DEFAULT_LIST_PAGE_SIZE } from './protocol/server.js';
export type { ProtocolServerOptions } from './protocol/server.js';
export { serveKernelOverStdio } from './protocol/stdio.js';
export { DrainingStdioTransport } from './protocol/draining-stdio.js';
export { nodeExchange } from './gauzy/exchange.js';
export { checkToolView, viewKeeps, viewKey } from './tool-view.js';
export { CatalogMode, createToolsetSwitch, META_TOOL_NAMES } from './catalog-mode.js';
export type { ToolsetSwitch } from './catalog-mode.js';
export type { ToolView } from './tool-view.js';
export { createDirectResponder, isPlainSessionEraRequest } from './protocol/direct-answers.js';
export type { AcceptedRequest, Answer, JSONRPCAnswer, StandardHeaders, DirectResponder, DirectResponderOptions } from './protocol/direct-answers.js';
export { createCatalog, createGauzyHttp, createCredentialCaller } from './kernel.js';
export type { Catalog, CatalogOptions, CredentialCallerOptions, GauzyConnectionOptions } from './kernel.js';
export { KERNEL_VERSION } from './version.js';
export { PluginExtras } from './extras.js';
export { normalizeGauzyBaseUrl } from './gauzy/base-url.js';
export { ResourceReader } from './resource-reader.js';
export type { ResourceAccess, ResourceContents } from './resource-reader.js';
export { LiveViews, DEFAULT_LIVE_POLL_MS, MIN_LIVE_POLL_MS, identityOf, watchKey } from './live/live-views.js';
export type { LiveSink, LivePollOutcome, LiveViewsOptions } from './live/live-views.js';
export { localCoordinator } from './live/coordinator.js';
export type { LiveCoordinator } from './live/coordinator.js';
export { serveStdioConnection } from './live/serve-connection.js';
export type { ConnectionLiveViews } from './live/serve-connection.js';
