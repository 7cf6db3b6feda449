export { definePlugin, defineTool, KERNEL_API_VERSION } from './tool.js';
export type {
  CallOptions,
  GauzyApi,
  OAuthScope,
  PluginDefinition,
  RouteRef,
  ServerFacts,
  SessionControl,
  SessionStatus,
  ToolContext,
  ToolDefinition,
  ToolsetDefinition,
  ToolEffect,
  ToolOutput,
  ContentBlock,
  ClientChannel,
  ResourceDefinition,
  ResourceTemplateDefinition,
  PromptDefinition,
  ReadContext,
  ToolScope,
} from './tool.js';
export { ERROR_TABLE, GauzyMcpError, isGauzyMcpError } from './errors.js';
export type { ErrorCode, ErrorKind, FieldIssue } from './errors.js';
export { annotationsFor, requiredScope, scopeAllows } from './annotations.js';
export type { ToolAnnotations } from './annotations.js';
export { validatePlugin, MAX_DESCRIPTION_LENGTH, PLUGIN_NAME_PATTERN, PROMPT_NAME_PATTERN, TOOL_NAME_PATTERN } from './plugin-validation.js';
export { Inventory, inventoryOptionsFromEnv, parseBoolean, toJsonSchema } from './inventory.js';
export type { InventoryOptions, ListedTool, RegisteredTool, ToolsetInfo } from './inventory.js';
export { ToolDispatcher, fieldIssues } from './dispatch.js';
export type { CallContext, Caller, ToolCallResult, ToolCallEvent, ToolDispatcherOptions } from './dispatch.js';
export { ok, listResult, entityResult, errorResult, describeItem, project, DEFAULT_MAX_RESULT_BYTES } from './results.js';
export type { ListResultInput } from './results.js';
export { uuid, isoDate, pagination, fields, organizationIdParam, listOutput, entityOutput, MAX_TAKE, DEFAULT_TAKE } from './schema.js';
export { createLogger, redact, silentLogger, logLevelFromEnv } from './log.js';
export type { Logger, LogLevel, LogSink } from './log.js';
export { GauzyHttp } from './gauzy/http.js';
export type { GauzyRequest, GauzyResponse, HttpMethod, GauzyHttpOptions } from './gauzy/http.js';
export { GauzyClient } from './gauzy/client.js';
export type { GauzyTokenSource } from './gauzy/client.js';
export { GauzySession, tokenExpiry } from './gauzy/session.js';
export type { GauzyCredentials, GauzyIdentity, GauzyOrganizationRef, GauzyTokens } from './gauzy/session.js';
export { encodeQuery, dataQuery, fillRoute } from './gauzy/query.js';
export type { QueryInput, QueryValue } from './gauzy/query.js';
export { DEFAULT_RETRY_POLICY, shouldRetry, retryDelayMs } from './gauzy/retry.js';
export type { RetryPolicy } from './gauzy/retry.js';
export { gauzyMessages } from './gauzy/errors.js';
export { credentialSessionControl } from './credential-session.js';
export { createServerFactory, SERVER_NAME, PROTOCOL_VERSIONS, DEFAULT_LIST_PAGE_SIZE } from './protocol/server.js';
export type { ProtocolServerOptions } from './protocol/server.js';
export { serveKernelOverStdio } from './protocol/stdio.js';
export { createKernel, createCatalog, createGauzyHttp, createCredentialCaller } from './kernel.js';
export type { Kernel, KernelOptions, Catalog, CatalogOptions, CredentialCallerOptions, GauzyConnectionOptions } from './kernel.js';
export { KERNEL_VERSION } from './version.js';
export * from './crud.js';
export { retiredTool, type RetiredToolSpec } from './retired.js';
export { PluginExtras } from './extras.js';
export { defineEntity, entityRoute, isEntityDefinition, unresolvedRelations, crudServiceCannotRecover, ENTITY_OPERATION_ROUTES } from './entity.js';
export type { EntityDefinition, EntityInput, EntityOperation, RelationDefinition, ListStyle, SoftDeleteSpec, CrudToolKind } from './entity.js';
export { crudTools, crudToolList, crudToolName } from './crud-tools.js';
export type { CrudToolOverride, CrudToolOverrides, CrudToolsOptions } from './crud-tools.js';
export { sandboxEntity } from './entity-sandbox.js';
export type { EntitySandboxHooks, SandboxEntity, SandboxRows, DtoSpec, FieldRule, FieldType } from './entity-sandbox.js';
export { isKnownGauzyRoute } from './gauzy/route-table.js';
