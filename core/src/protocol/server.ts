import { INVALID_PARAMS, ProtocolError, Server, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/server';
import type { CallContext, Caller, ToolDispatcher } from '../dispatch.js';
import { isGauzyMcpError } from '../errors.js';
import type { Inventory, ListedTool } from '../inventory.js';
import type { ServerFacts } from '../tool.js';

export const SERVER_NAME = 'gauzy-mcp';
/**
 * Revisions this server speaks: 2026-07-28 (stateless, `server/discover`) and the initialize-era ones.
 * The SDK's SUPPORTED_PROTOCOL_VERSIONS lists only the latter, so the modern one is named here.
 */
export const PROTOCOL_VERSIONS: readonly string[] = ['2026-07-28', ...SUPPORTED_PROTOCOL_VERSIONS.filter((version) => version !== '2026-07-28')];

export interface ProtocolServerOptions {
  inventory: Inventory;
  dispatcher: ToolDispatcher;
  facts: ServerFacts;
  /** Who is behind a request. stdio: always the one signed-in user; the host: from the bearer token. */
  resolveCaller(request: { authInfo?: unknown }): Caller;
  /** Tools per `tools/list` page (the spec lets the server choose). */
  listPageSize?: number;
}

export const DEFAULT_LIST_PAGE_SIZE = 200;

/**
 * Builds the factory the SDK's serving entries call for each connection (stdio) or request (HTTP).
 * The factory only wires two handlers onto a low-level `Server`: the catalog, its JSON Schemas and its
 * `tools/list` pages were all built once, so a new instance costs almost nothing.
 */
export function createServerFactory(options: ProtocolServerOptions): () => Server {
  const pageSize = options.listPageSize ?? DEFAULT_LIST_PAGE_SIZE;
  const pages = new Map<string, ListedTool[][]>();
  const pagesFor = (scopes: readonly string[] | undefined): ListedTool[][] => {
    const key = scopes ? [...scopes].sort().join(' ') : '*';
    let cached = pages.get(key);
    if (!cached) {
      const listed = options.inventory.visibleTo(scopes).map((tool) => tool.listing);
      cached = [];
      for (let start = 0; start < listed.length || start === 0; start += pageSize) cached.push(listed.slice(start, start + pageSize));
      pages.set(key, cached);
    }
    return cached;
  };
  const instructions = serverInstructions(options.facts);

  return () => {
    const server = new Server(
      { name: SERVER_NAME, version: options.facts.version, title: 'Ever Gauzy' },
      { capabilities: { tools: { listChanged: false } }, instructions },
    );
    server.setRequestHandler('tools/list', async (request, ctx) => {
      const caller = options.resolveCaller({ authInfo: ctx.http?.authInfo });
      const all = pagesFor(caller.scopes);
      const index = decodeCursor(request.params?.cursor, all.length);
      const next = index + 1 < all.length ? encodeCursor(index + 1) : undefined;
      return { tools: all[index] ?? [], ...(next ? { nextCursor: next } : {}) };
    });
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const caller = options.resolveCaller({ authInfo: ctx.http?.authInfo });
      const progressToken = request.params._meta?.progressToken;
      const context: CallContext = {
        caller,
        signal: ctx.mcpReq.signal,
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

function encodeCursor(page: number): string {
  return Buffer.from(`page:${page}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined, pageCount: number): number {
  if (cursor === undefined) return 0;
  const match = /^page:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const page = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(page) || page < 0 || page >= pageCount) throw new ProtocolError(INVALID_PARAMS, 'Invalid or expired cursor');
  return page;
}

function serverInstructions(facts: ServerFacts): string {
  return [
    `Tools for Ever Gauzy at ${facts.gauzyBaseUrl}${facts.sandbox ? ' (the bundled sandbox with demo data)' : ''}: ${facts.toolsets.map((toolset) => toolset.name).join(', ')}.`,
    'Every tool acts as the signed-in Gauzy user, in their current organization unless you pass organizationId.',
    'List tools page with take/skip and report total and nextSkip; ids are UUIDs. Enum values are Gauzy\'s exact values (e.g. task status "in-progress").',
    facts.readOnly ? 'This server is read-only: no tool changes data.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
