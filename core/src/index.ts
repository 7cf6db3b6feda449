/**
 * The plugin-author API: what a tool pack imports to describe its entities and tools. It is kept stable
 * (core/test/__api__/public-api.txt records it); the kernel's machinery is in `@gauzy-mcp/core/internal`,
 * for the host, the CLI and the testkit only.
 */
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
  ResourceReadContext,
  ToolScope,
} from './tool.js';
export { ERROR_TABLE, GauzyMcpError, isGauzyMcpError } from './errors.js';
export type { ErrorCode, ErrorKind, FieldIssue } from './errors.js';
export { validatePlugin, MAX_DESCRIPTION_LENGTH, PLUGIN_NAME_PATTERN, PROMPT_NAME_PATTERN, TOOL_NAME_PATTERN } from './plugin-validation.js';
export { toJsonSchema } from './json-schema.js';
export { ok, listResult, entityResult, describeItem, project, personName, refLabel, formatValue } from './results.js';
export { currencyCode, formatMoney, GAUZY_CURRENCY_CODES, sumByCurrency } from './money.js';
export type { ListResultInput } from './results.js';
export { uuid, isoDate, pagination, fields, organizationIdParam, relationsParam, listOutput, entityOutput, MAX_TAKE, DEFAULT_TAKE } from './schema.js';
export { silentLogger } from './log.js';
export type { Logger } from './log.js';
export type { GauzyRequest, GauzyResponse, HttpMethod } from './gauzy/http.js';
export type { GauzyCredentials, GauzyIdentity, GauzyOrganizationRef } from './gauzy/session.js';
export { dataQuery, gauzyReadsAsBoolean } from './gauzy/query.js';
export { GauzyFile } from './gauzy/file.js';
export type { QueryInput, QueryValue } from './gauzy/query.js';
// A single-user kernel over the given plugins: what a pack's tests (through the testkit) and an embedder start.
export { createKernel } from './kernel.js';
export type { Kernel, KernelOptions } from './kernel.js';
export * from './crud.js';
export * from './list-tool.js';
export { withRefusalHints, type RefusalHint } from './hints.js';
export { formatSeconds, hoursOf, labelWithId, percentOf, summarizeDailyReport, TimeTally, type DailyReportDay, type DailyReportSummary, type TimeShare } from './time-summary.js';
export { retiredTool, type RetiredToolSpec } from './retired.js';
export { callerEmployeeId, callerUserId, CallerValue, describePreset, type ToolPreset } from './presets.js';
export { withBulkNames, type BulkNameSpec } from './bulk-names.js';
export { defineEntity, entityRoute, isEntityDefinition, unresolvedRelations, crudServiceCannotRecover, ENTITY_OPERATION_ROUTES } from './entity.js';
export type { EntityDefinition, EntityInput, EntityOperation, RelationDefinition, ListStyle, SoftDeleteSpec, CrudToolKind } from './entity.js';
export { crudTools, crudToolList, crudToolName } from './crud-tools.js';
export type { CrudToolOverride, CrudToolOverrides, CrudToolsOptions } from './crud-tools.js';
export { sandboxEntity } from './entity-sandbox.js';
export type { EntitySandboxHooks, SandboxEntity, SandboxRows, DtoSpec, FieldRule, FieldType } from './entity-sandbox.js';
export { isKnownGauzyRoute } from './gauzy/route-table.js';
export { readRunningTimers, readWorkedStatus, RUNNING_TIMER_ROUTES, type RunningTimer, type WorkedStatus } from './running-timers.js';
