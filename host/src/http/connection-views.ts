import { checkToolView, parseBoolean, type Inventory, type ToolView } from '@gauzy-mcp/core/internal';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HostHttpError, RPC } from './errors.js';

/**
 * `/mcp/x/{toolsets}` and `/mcp/x/{toolsets}/readonly`: the MCP endpoint with the catalog narrowed (github-mcp-server's
 * form); `/mcp/catalog` and a `/catalog` suffix serve it in catalog mode.
 */
export const VIEW_ROUTES = ['/mcp/x/:toolsets', '/mcp/x/:toolsets/readonly', '/mcp/catalog', '/mcp/x/:toolsets/catalog', '/mcp/x/:toolsets/readonly/catalog'] as const;

export interface ConnectionViewOptions {
  /** Every connection is in catalog mode unless it says `X-MCP-Catalog: false` (config `inventory.catalog`). */
  catalogByDefault?: boolean;
}

/**
 * Per-connection toolsets: a client narrows what this host serves it, by URL (`/mcp/x/tasks,projects/readonly`) or
 * by headers (`X-MCP-Toolsets`, `X-MCP-Tools`, `X-MCP-Readonly`), on every transport (HTTP, SSE, WebSocket). The
 * view rides on the request's identity, so the listing, the call check and a session's pinning all see it. Both
 * forms together narrow twice (their toolsets intersect). A name the host does not serve is refused with 400.
 */
export function registerConnectionViews(app: FastifyInstance, inventory: Inventory, options: ConnectionViewOptions = {}): void {
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      narrow(request, inventory, options.catalogByDefault === true);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}

const CATALOG_VIEW = { catalog: true } as const;

function narrow(request: FastifyRequest, inventory: Inventory, catalogByDefault: boolean): void {
  // Cheap for the common request, which names no selection: no header, no /mcp/x/ or /mcp/catalog path.
  if (!request.routeOptions.config?.mcp || !request.identity) return;
  const { headers } = request;
  if (headers['x-mcp-toolsets'] === undefined && headers['x-mcp-tools'] === undefined && headers['x-mcp-readonly'] === undefined && headers['x-mcp-catalog'] === undefined && !request.routeOptions.url?.startsWith('/mcp/x/') && request.routeOptions.url !== '/mcp/catalog') {
    if (catalogByDefault) request.identity = { ...request.identity, caller: { ...request.identity.caller, view: CATALOG_VIEW } };
    return;
  }
  const requested = requestedView(request, catalogByDefault);
  if (!requested) return;
  const { view, problems } = checkToolView(inventory, requested);
  if (problems.length) throw new HostHttpError(400, RPC.INVALID_REQUEST, `Bad Request: ${problems.join('; ')}.`, {}, { issues: problems });
  if (view) request.identity = { ...request.identity, caller: { ...request.identity.caller, view } };
}

function requestedView(request: FastifyRequest, catalogByDefault: boolean): ToolView | undefined {
  const fromUrl = (request.params as { toolsets?: string } | undefined)?.toolsets;
  const urlToolsets = fromUrl === undefined ? undefined : names(decodeURIComponent(fromUrl));
  const headerToolsets = names(header(request, 'x-mcp-toolsets'));
  const tools = names(header(request, 'x-mcp-tools'));
  let readOnly: boolean | undefined;
  try {
    readOnly = parseBoolean(header(request, 'x-mcp-readonly'), 'X-MCP-Readonly');
  } catch {
    throw new HostHttpError(400, RPC.INVALID_REQUEST, 'Bad Request: X-MCP-Readonly must be true or false.');
  }
  const url = request.routeOptions.url ?? '';
  readOnly = readOnly || url.endsWith('/readonly') || url.endsWith('/readonly/catalog') || undefined;
  let catalog: boolean | undefined;
  try {
    catalog = parseBoolean(header(request, 'x-mcp-catalog'), 'X-MCP-Catalog');
  } catch {
    throw new HostHttpError(400, RPC.INVALID_REQUEST, 'Bad Request: X-MCP-Catalog must be true or false.');
  }
  // The URL asks for catalog mode; the header decides otherwise only by saying so, and the config is the default.
  catalog = (url === '/mcp/catalog' || url.endsWith('/catalog') || (catalog ?? catalogByDefault)) || undefined;
  // `all` names no restriction, so `/mcp/x/all/readonly` is the whole catalog, read-only.
  const toolsets = intersect(urlToolsets?.includes('all') ? undefined : urlToolsets, headerToolsets?.includes('all') ? undefined : headerToolsets);
  if (!toolsets && !tools && !readOnly && !catalog) return undefined;
  return { ...(toolsets ? { toolsets } : {}), ...(tools ? { tools } : {}), ...(readOnly ? { readOnly } : {}), ...(catalog ? { catalog } : {}) };
}

function names(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(/[\s,]+/).filter(Boolean);
  return list.length ? list : undefined;
}

function intersect(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const both = a.filter((name) => b.includes(name));
  // Two selections with nothing in common leave nothing: say so rather than serve an empty catalog.
  if (both.length === 0) throw new HostHttpError(400, RPC.INVALID_REQUEST, `Bad Request: the URL's toolsets (${a.join(', ')}) and X-MCP-Toolsets (${b.join(', ')}) have none in common.`);
  return both;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
