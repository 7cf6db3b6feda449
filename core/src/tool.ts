import type { ContentBlock, CreateMessageRequest, CreateMessageResult, ElicitRequestFormParams, ElicitResult, GetPromptResult, LoggingLevel, ReadResourceResult } from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { BulkNameSpec } from './bulk-names.js';
import type { ToolPreset } from './presets.js';
import type { GauzyRequest, GauzyResponse, HttpMethod } from './gauzy/http.js';
import type { QueryInput } from './gauzy/query.js';
import type { GauzyCredentials, GauzyIdentity, GauzyOrganizationRef } from './gauzy/session.js';
import type { Logger } from './log.js';

/** What a tool does to Gauzy; the kernel derives MCP annotations and the OAuth scope from it. */
export type ToolEffect = 'read' | 'write' | 'delete';
export type OAuthScope = 'mcp.read' | 'mcp.write' | 'mcp.admin';

/** A Gauzy route a tool calls, written as in the route table: `"GET /api/tasks/:id"`. */
export type RouteRef = `${HttpMethod} /${string}`;

export interface ToolScope {
  userId: string;
  tenantId: string;
  /** The organization this call acts in (the caller's default unless they chose another). */
  organizationId: string;
  employeeId?: string;
  role?: string;
  organizations: GauzyOrganizationRef[];
}

export interface CallOptions {
  params?: Record<string, string | number>;
  query?: QueryInput;
  timeoutMs?: number;
  /** Gauzy's `Language` header: the language it translates answers into (e.g. product categories); default English. */
  language?: string;
}

/** The Gauzy API as a handler sees it: already signed in as the caller, cancellation wired in. */
export interface GauzyApi {
  readonly baseUrl: string;
  request<T = unknown>(request: Omit<GauzyRequest, 'signal'>): Promise<GauzyResponse<T>>;
  get<T = unknown>(route: string, options?: CallOptions): Promise<T>;
  post<T = unknown>(route: string, body: unknown, options?: CallOptions): Promise<T>;
  put<T = unknown>(route: string, body: unknown, options?: CallOptions): Promise<T>;
  delete<T = unknown>(route: string, options?: CallOptions & { body?: unknown }): Promise<T>;
}

export interface SessionStatus {
  signedIn: boolean;
  identity?: GauzyIdentity;
  gauzyBaseUrl: string;
  tokenExpiresAt?: string;
  hasRefreshToken: boolean;
  refreshCount: number;
  /** How identity is managed: the user's own credentials (stdio) or per-request tokens (remote). */
  mode: 'credentials' | 'delegated';
  /** The account the server is configured with (credentials mode): once signed out, the next call signs in as it again. */
  configuredAccount?: string;
}

/** Session operations for the auth tools; a remote host answers sign-in with a "not supported" error. */
export interface SessionControl {
  status(): SessionStatus;
  signIn(credentials: GauzyCredentials, signal?: AbortSignal): Promise<GauzyIdentity>;
  signOut(signal?: AbortSignal): Promise<void>;
  refresh(signal?: AbortSignal): Promise<SessionStatus>;
}

export interface ServerFacts {
  name: string;
  version: string;
  protocolVersions: readonly string[];
  transport: string;
  gauzyBaseUrl: string;
  sandbox: boolean;
  readOnly: boolean;
  toolCount: number;
  toolsets: ReadonlyArray<{ name: string; description: string; plugin: string; tools: number }>;
  plugins: ReadonlyArray<{ name: string; version: string; tools: number }>;
}

export interface ToolContext {
  gauzy: GauzyApi;
  /** The caller's tenant, organization and employee. Throws for tools declared `session: false`. */
  scope: ToolScope;
  session: SessionControl;
  server: ServerFacts;
  log: Logger;
  signal: AbortSignal;
  /** Reports progress to clients that asked for it; a no-op otherwise. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Asks or tells the MCP client, for tools that need the user or the model in the loop. */
  client: ClientChannel;
}

/**
 * What a tool can ask of the MCP client during a call. Each fails with GMCP_ERR_NOT_SUPPORTED when the
 * transport or the client cannot do it (a stateless 2026-07-28 request, a client without the capability).
 */
export interface ClientChannel {
  /**
   * A log message for the client (`notifications/message`), filtered by the level the client set.
   * Dropped unless some served tool declares `logs: true` (which makes the server announce logging).
   */
  log(level: LoggingLevel, data: unknown): Promise<void>;
  /** Asks the client's model for a completion (`sampling/createMessage`). */
  sample(params: CreateMessageRequest['params']): Promise<CreateMessageResult>;
  /** Asks the user for structured input (`elicitation/create`, form mode). */
  elicit(params: ElicitRequestFormParams): Promise<ElicitResult>;
  /**
   * Hands the call's HTTP stream back before the answer (2025-11-25 polling, for long calls): the client
   * reconnects and receives what follows. A no-op where the transport cannot resume.
   */
  releaseStream(): void;
}

/** What a handler returns: structured data (matching `output`) and a short text for text-only clients. */
export interface ToolOutput {
  structured: Record<string, unknown>;
  text: string;
  /** Replaces the single text block, for tools whose answer is an image, audio or an embedded resource. */
  content?: ContentBlock[];
}

/** An MCP content block (text, image, audio, resource link or embedded resource), passed through as is. */
export type { ContentBlock };

export interface ToolDefinition<Input extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  /** When to use it, in one or two sentences. Destructive tools say exactly what they delete. */
  description: string;
  toolset: string;
  effect: ToolEffect;
  /** Needs the `mcp.admin` scope on top of the effect's scope. */
  admin?: boolean;
  /** Overrides the derived `idempotentHint` (writes default to false, reads and deletes to true). */
  idempotent?: boolean;
  /** Overrides `openWorldHint` (default false: Gauzy is a closed system). */
  openWorld?: boolean;
  /** Needs a signed-in Gauzy session (default true). Such tools also accept `organizationId`. */
  session?: boolean;
  /**
   * Sends log messages to the client through `ctx.client.log`. The server declares the `logging`
   * capability only when a served tool says so; without it, `ctx.client.log` drops its messages.
   */
  logs?: boolean;
  input: Input;
  output?: z.ZodType;
  /** Every Gauzy route the handler may call; calling another one is an error. */
  routes: readonly RouteRef[];
  /** Older names that stay callable (not listed separately in tools/list). */
  aliases?: readonly string[];
  /**
   * Names that call this tool with some arguments fixed, for reference names that are one filter of it
   * (`get_my_comments`: list_comments with `employeeId: callerEmployeeId`). Callable, not listed, like aliases.
   */
  presets?: Readonly<Record<string, ToolPreset>>;
  /**
   * Names that run this tool once per item, for reference names of bulk routes Gauzy lacks
   * (`bulk_create_daily_plans: { field: 'plans' }`). Callable, not listed; each item reported.
   */
  bulk?: Readonly<Record<string, BulkNameSpec>>;
  /** Set on the definitions the kernel derives for bulk names: the tool run per item. Such tools are not listed. */
  runsEach?: { tool: string; field: string };
  /**
   * The tool is withdrawn but its name stays callable: it is not listed in tools/list, and a call answers
   * GMCP_ERR_TOOL_RETIRED with `reason` (why, and what to do instead). Build such tools with `retiredTool`.
   */
  retired?: { reason: string };
  /**
   * Set on tools that sign this server in to Gauzy (`login`): they work only where the server holds the
   * sign-in itself (stdio, an in-process kernel). On the remote host each user signs in at the
   * authorization server, so there the tool is not listed and answers GMCP_ERR_TOOL_RETIRED saying so.
   */
  localSignIn?: true;
  /**
   * Published instead of the JSON Schema derived from `input` (which still validates the arguments), for
   * schemas zod does not express the way a client expects, such as shared `$defs`.
   */
  inputJsonSchema?: { type: 'object'; [key: string]: unknown };
  handler(args: z.output<Input>, ctx: ToolContext): Promise<ToolOutput>;
}

/** A resource a plugin serves at a fixed URI. */
export interface ResourceDefinition {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /**
   * The Gauzy routes `read` calls, as for a tool. A resource that declares some is read as the caller (their Gauzy
   * session, scope and the `mcp.read` scope), like a read tool; one without routes reads nothing from Gauzy.
   */
  routes?: readonly RouteRef[];
  read(ctx: ResourceReadContext): Promise<ReadResourceResult['contents']>;
}

/** Resources addressed by an RFC 6570 template such as `gauzy://projects/{id}`. */
export interface ResourceTemplateDefinition {
  uriTemplate: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** As {@link ResourceDefinition.routes}. */
  routes?: readonly RouteRef[];
  read(uri: string, variables: Record<string, string>, ctx: ResourceReadContext): Promise<ReadResourceResult['contents']>;
  /** Suggestions for a template variable's value (`completion/complete`). */
  complete?(variable: string, value: string): Promise<string[]> | string[];
}

export interface PromptDefinition {
  name: string;
  title?: string;
  description: string;
  /**
   * The tools the prompt tells the model to call, by name. A server lists the prompt only when it serves them
   * all (their toolsets are on), so a prompt never sends a model to a tool it cannot call.
   */
  uses?: readonly string[];
  arguments?: ReadonlyArray<{ name: string; description?: string; required?: boolean }>;
  get(args: Record<string, string>, ctx: ReadContext): Promise<GetPromptResult>;
  /** Suggestions for an argument's value (`completion/complete`). */
  complete?(argument: string, value: string): Promise<string[]> | string[];
}

export interface ReadContext {
  signal: AbortSignal;
}

/**
 * What a resource's `read` gets: a tool handler's context, for the reader. `gauzy` calls only the routes the
 * resource declares and `scope` throws for a resource that declares none; the client channel answers "not
 * supported" (a read may also run for a subscription's poll, with no request to answer).
 */
export interface ResourceReadContext extends ToolContext {}

/** A group of a plugin's tools that operators turn on by name (`GAUZY_MCP_TOOLSETS`, the host's `inventory.toolsets`). */
export interface ToolsetDefinition {
  name: string;
  description: string;
  /**
   * Served when the operator names no toolsets (or names `default`). Keep it for the everyday areas:
   * every default tool is in every client's `tools/list`. Unset means false.
   */
  default?: boolean;
}

export interface PluginDefinition {
  name: string;
  version: string;
  description: string;
  /**
   * The kernel API versions the plugin works with, as a semver range written literally in the plugin
   * (`'^1.0.0'`): the kernel that loads it compares the range with its own {@link KERNEL_API_VERSION}.
   * Reading the constant from the core instead would always match whichever kernel loads the plugin.
   */
  kernel: string;
  toolsets: readonly ToolsetDefinition[];
  tools: readonly ToolDefinition<z.ZodObject>[];
  resources?: readonly ResourceDefinition[];
  resourceTemplates?: readonly ResourceTemplateDefinition[];
  prompts?: readonly PromptDefinition[];
}

/** Identity helper: keeps the handler's argument types tied to its input schema. */
export function defineTool<Input extends z.ZodObject>(definition: ToolDefinition<Input>): ToolDefinition<z.ZodObject> {
  return definition as unknown as ToolDefinition<z.ZodObject>;
}

export function definePlugin(definition: PluginDefinition): PluginDefinition {
  return definition;
}

/**
 * The version of the plugin contract this kernel implements (semver: a major bump breaks plugins, a minor
 * one adds to the contract). Independent of the core package's version.
 */
export const KERNEL_API_VERSION = '1.3.0';
