import {
  INVALID_PARAMS,
  ProtocolError,
  Server,
  SUPPORTED_PROTOCOL_VERSIONS,
  type CreateMessageResult,
  type ListPromptsResult,
  type ListResourcesResult,
  type ListResourceTemplatesResult,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { CatalogMode } from '../catalog-mode.js';
import type { CallContext, Caller, ToolDispatcher } from '../dispatch.js';
import { GauzyMcpError, isGauzyMcpError } from '../errors.js';
import type { PluginExtras } from '../extras.js';
import type { Inventory, ListedTool } from '../inventory.js';
import type { LiveViews } from '../live/live-views.js';
import { silentLogger } from '../log.js';
import { ResourceReader } from '../resource-reader.js';
import type { ClientChannel, ServerFacts } from '../tool.js';
import { viewKeeps, viewKey } from '../tool-view.js';
import { registerResourceHandlers, type ResourceHandlerOptions } from './resource-handlers.js';

export const SERVER_NAME = 'gauzy-mcp';
/** The stateless revision (`server/discover`, the envelope in `_meta`). */
export const MODERN_REVISION = '2026-07-28';
/** The initialize-era revisions: the SDK's SUPPORTED_PROTOCOL_VERSIONS, which does not list the modern one as such. */
export const INITIALIZE_ERA_REVISIONS: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS.filter((version) => version !== MODERN_REVISION);
/** Revisions this server speaks, newest first. */
export const PROTOCOL_VERSIONS: readonly string[] = [MODERN_REVISION, ...INITIALIZE_ERA_REVISIONS];

export interface ProtocolServerOptions {
  inventory: Inventory;
  dispatcher: ToolDispatcher;
  facts: ServerFacts;
  /** Who is behind a request. stdio: always the one signed-in user; the host: from the bearer token. */
  resolveCaller(request: { authInfo?: unknown }): Caller;
  /** Tools per `tools/list` page (the spec lets the server choose). */
  listPageSize?: number;
  /** Whether a connection may be in catalog mode, so `enable_toolset` may change its tool list. */
  catalogMode?: boolean;
  /** Reads resources as the caller (default: one over the inventory's resources). */
  resources?: ResourceReader;
  /** Resource subscriptions; without them `subscribe` is not announced. */
  live?: LiveViews;
}

export const DEFAULT_LIST_PAGE_SIZE = 200;

/**
 * Builds the factory the SDK's serving entries call for each connection (stdio) or request (HTTP).
 * The factory only wires two handlers onto a low-level `Server`: the catalog, its JSON Schemas and its
 * `tools/list` pages were all built once, so a new instance costs almost nothing.
 */
export function createServerFactory(options: ProtocolServerOptions): () => Server {
  const pagesFor = listingPages(options.inventory, options.dispatcher.catalogMode, options.listPageSize ?? DEFAULT_LIST_PAGE_SIZE);
  const instructions = serverInstructions(options.facts);

  const extras = options.inventory.extras;
  const capabilities = {
    // In catalog mode enable_toolset changes a connection's listing, and says so.
    tools: { listChanged: options.catalogMode ?? false },
    // Only when a served tool logs to the client (`logs: true`); the SDK then also answers
    // logging/setLevel (2025 revisions). Without it the SDK drops `ctx.client.log` messages.
    ...(options.inventory.tools.some((tool) => tool.definition.logs) ? { logging: {} } : {}),
    // Subscriptions are live views: polled while someone is subscribed, notified on change (LiveViews).
    ...(extras.hasResources ? { resources: { subscribe: options.live !== undefined, listChanged: false } } : {}),
    ...(extras.hasPrompts ? { prompts: { listChanged: false } } : {}),
    ...(extras.hasResources || extras.hasPrompts ? { completions: {} } : {}),
  };

  const identity = serverIdentity(options.facts);
  // Once per factory: the 2026-07-28 path builds a server per request.
  const resourceHandlers: ResourceHandlerOptions = {
    extras,
    resources: options.resources ?? new ResourceReader(extras, options.facts, silentLogger),
    live: options.live,
    resolveCaller: options.resolveCaller,
  };
  const kept = promptKept(options);
  return () => {
    const server = new Server(identity, { capabilities, instructions });
    if (extras.hasResources || extras.hasPrompts) registerExtras(server, extras, kept, resourceHandlers);
    server.setRequestHandler('tools/list', async (request, ctx) => {
      const caller = options.resolveCaller({ authInfo: ctx.http?.authInfo });
      const all = pagesFor(caller);
      return listingPage(all, decodeCursor(request.params?.cursor, all.length));
    });
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const caller = options.resolveCaller({ authInfo: ctx.http?.authInfo });
      const progressToken = request.params._meta?.progressToken;
      const context: CallContext = {
        caller,
        signal: ctx.mcpReq.signal,
        client: clientChannel(ctx),
        toolsChanged: () => server.sendToolListChanged(),
        progress:
          progressToken === undefined
            ? undefined
            : (progress, total, message) =>
                ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken, progress, total, message } }).catch(() => {}),
      };
      try {
        return await options.dispatcher.call(request.params.name, request.params.arguments, context);
      } catch (error) {
        if (isGauzyMcpError(error, 'GMCP_ERR_UNKNOWN_TOOL')) throw new ProtocolError(INVALID_PARAMS, error.message, { code: error.code });
        throw error;
      }
    });
    return server;
  };
}

/** How the server names itself in `initialize`, `server/discover` and every 2026-07-28 result's `_meta`. */
export function serverIdentity(facts: ServerFacts): { name: string; version: string; title: string } {
  return { name: SERVER_NAME, version: facts.version, title: 'Ever Gauzy' };
}

/**
 * The `tools/list` pages for each set of scopes (and each per-connection view), built once per inventory and page
 * size and shared by every factory over it: the host makes a factory per WebSocket connection (each bound to its
 * own token), and none of them should rebuild the listing.
 */
const KERNEL_SCOPES = new Set<string>(['mcp.read', 'mcp.write', 'mcp.admin']);
/** Per inventory and page size: pages by scope set (a handful), and by scope set and view (most recent last). */
const listingCache = new WeakMap<Inventory, Map<number, { byScopes: Map<string, ListedTool[][]>; byView: Map<string, ListedTool[][]> }>>();
/** Distinct per-connection views whose pages are kept; a client chooses views, so their number is bounded here. */
const MAX_VIEW_LISTINGS = 128;

export function listingPages(inventory: Inventory, catalogMode: CatalogMode, pageSize: number): (caller: Pick<Caller, 'scopes' | 'view' | 'toolsets'>) => ListedTool[][] {
  let bySize = listingCache.get(inventory);
  if (!bySize) listingCache.set(inventory, (bySize = new Map()));
  let caches = bySize.get(pageSize);
  if (!caches) bySize.set(pageSize, (caches = { byScopes: new Map(), byView: new Map() }));
  const { byScopes, byView } = caches;
  return (caller) => {
    const { view } = caller;
    // Only the kernel's scopes change what is listed; anything else a token carries must not grow the cache.
    const scopes = caller.scopes?.filter((scope) => KERNEL_SCOPES.has(scope));
    const scopeKey = scopes ? [...scopes].sort().join(' ') : '*';
    const cache = view ? byView : byScopes;
    // In catalog mode the listing also depends on whether the connection keeps state and what it enabled.
    const catalogKey = view?.catalog ? `#${caller.toolsets ? `on:${caller.toolsets.enabled.join(',')}` : 'stateless'}` : '';
    const key = view ? `${scopeKey}#${viewKey(view)}${catalogKey}` : scopeKey;
    let cached = cache.get(key);
    if (cached) {
      if (view) {
        cache.delete(key);
        cache.set(key, cached);
      }
      return cached;
    }
    const scoped = { ...caller, scopes };
    const listed = view?.catalog
      ? [...catalogMode.listings(scoped), ...catalogMode.enabledTools(scoped).map((tool) => tool.listing)]
      : inventory.visibleTo(scopes).filter((tool) => viewKeeps(view, tool)).map((tool) => tool.listing);
    cached = [];
    for (let start = 0; start < listed.length || start === 0; start += pageSize) cached.push(listed.slice(start, start + pageSize));
    cache.set(key, cached);
    if (byView.size > MAX_VIEW_LISTINGS) byView.delete(byView.keys().next().value!);
    return cached;
  };
}

/** One `tools/list` result: the page's tools, and the cursor of the next page when there is one. */
export function listingPage(pages: ListedTool[][], index: number): { tools: ListedTool[]; nextCursor?: string } {
  const next = index + 1 < pages.length ? encodeCursor(index + 1) : undefined;
  return { tools: pages[index] ?? [], ...(next ? { nextCursor: next } : {}) };
}

/** The way back to the client inside one request: logging, sampling and elicitation through the SDK. */
function clientChannel(ctx: ServerContext): ClientChannel {
  // Tied to the call, so the request travels on the call's own stream (a client may have no other one open).
  const related = { relatedRequestId: ctx.mcpReq.id };
  return channelOver({
    log: (level, data) => ctx.mcpReq.log(level, data),
    sample: (params) => ctx.mcpReq.requestSampling(params, related) as Promise<CreateMessageResult>,
    elicit: (params) => ctx.mcpReq.elicitInput(params, related),
    releaseStream: () => ctx.http?.closeSSE?.(),
  });
}

/**
 * The same way back for a session's call the host answers without the session's server dispatching it: the
 * requests still go through that server (it knows the client's capabilities and matches the answers), tied to
 * the call so they travel on its stream. Calls of tools that log are not answered that way.
 */
export function sessionClientChannel(server: Server, requestId: string | number, releaseStream: () => void): ClientChannel {
  const related = { relatedRequestId: requestId };
  return channelOver({
    log: async () => {},
    sample: (params) => server.createMessage(params, related) as Promise<CreateMessageResult>,
    elicit: (params) => server.elicitInput(params, related),
    releaseStream,
  });
}

function channelOver(via: ClientChannel): ClientChannel {
  const ask = async <T>(capability: 'sampling' | 'elicitation', run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isGauzyMcpError(error)) throw error;
      throw new GauzyMcpError('GMCP_ERR_NOT_SUPPORTED', [`The client could not answer the ${capability} request: ${(error as Error).message}`]);
    }
  };
  return {
    log: (level, data) => via.log(level, data).catch(() => {}),
    sample: (params) => ask('sampling', () => via.sample(params)),
    elicit: (params) => ask('elicitation', () => via.elicit(params)),
    releaseStream: () => via.releaseStream(),
  };
}

/**
 * Whether the caller's connection keeps a prompt: one that names tools its tool selection hides would send the model
 * to tools it cannot call there, so it is neither listed nor served on that connection.
 */
function promptKept(options: ProtocolServerOptions): (prompt: { uses?: readonly string[] }, ctx: ServerContext) => boolean {
  return (prompt, ctx) => {
    const view = options.resolveCaller({ authInfo: ctx.http?.authInfo }).view;
    if (!view) return true;
    return (prompt.uses ?? []).every((name) => {
      const tool = options.inventory.get(name);
      return tool !== undefined && viewKeeps(view, tool);
    });
  };
}

/** Resources, templates, prompts and completions, answered from listings built once. */
function registerExtras(server: Server, extras: PluginExtras, kept: ReturnType<typeof promptKept>, resourceHandlers: ResourceHandlerOptions): void {
  if (extras.hasResources) registerResourceHandlers(server, resourceHandlers);
  if (extras.hasPrompts) {
    server.setRequestHandler('prompts/list', async (_request, ctx) => ({
      prompts: extras.promptListing.filter((entry) => kept(extras.prompts.get(entry.name as string)!, ctx)) as ListPromptsResult['prompts'],
    }));
    server.setRequestHandler('prompts/get', async (request, ctx) => {
      const found = extras.prompts.get(request.params.name);
      const prompt = found && kept(found, ctx) ? found : undefined;
      if (!prompt) throw new ProtocolError(INVALID_PARAMS, `Unknown prompt: ${request.params.name}`);
      const args = request.params.arguments ?? {};
      const missing = (prompt.arguments ?? []).filter((arg) => arg.required && args[arg.name] === undefined).map((arg) => arg.name);
      if (missing.length > 0) throw new ProtocolError(INVALID_PARAMS, `Missing required argument(s): ${missing.join(', ')}`);
      return prompt.get(args, { signal: ctx.mcpReq.signal });
    });
  }
  server.setRequestHandler('completion/complete', async (request) => {
    const { ref, argument } = request.params;
    let values: string[] = [];
    if (ref.type === 'ref/prompt') values = (await extras.prompts.get(ref.name)?.complete?.(argument.name, argument.value)) ?? [];
    else if (ref.type === 'ref/resource') values = (await extras.templates.find((entry) => entry.definition.uriTemplate === ref.uri)?.definition.complete?.(argument.name, argument.value)) ?? [];
    return { completion: { values: values.slice(0, 100), total: values.length, hasMore: values.length > 100 } };
  });
}

function encodeCursor(page: number): string {
  return Buffer.from(`page:${page}`).toString('base64url');
}

/** The page a cursor names, or undefined when it names none of them. */
export function pageOfCursor(cursor: string | undefined, pageCount: number): number | undefined {
  if (cursor === undefined) return 0;
  const match = /^page:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const page = match ? Number(match[1]) : NaN;
  return Number.isInteger(page) && page >= 0 && page < pageCount ? page : undefined;
}

function decodeCursor(cursor: string | undefined, pageCount: number): number {
  const page = pageOfCursor(cursor, pageCount);
  if (page === undefined) throw new ProtocolError(INVALID_PARAMS, 'Invalid or expired cursor');
  return page;
}

function serverInstructions(facts: ServerFacts): string {
  return [
    `Tools for Ever Gauzy at ${facts.gauzyBaseUrl}${facts.sandbox ? ' (the bundled sandbox with demo data)' : ''}: ${facts.toolsets.map((toolset) => toolset.name).join(', ')}.`,
    'Every tool acts as the signed-in Gauzy user, in their current organization unless you pass organizationId.',
    'List tools page with take/skip: an answer reports total and nextSkip, the skip for the next page. `fields` narrows each item to those fields (id and name stay). Ids are UUIDs. Enum values are Gauzy\'s exact values (e.g. task status "in-progress"). Unknown arguments are refused.',
    facts.readOnly ? 'This server is read-only: no tool changes data.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
