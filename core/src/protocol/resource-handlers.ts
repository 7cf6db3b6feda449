import { randomUUID } from 'node:crypto';
import { INTERNAL_ERROR, INVALID_REQUEST, ProtocolError, type ListResourcesResult, type ListResourceTemplatesResult, type Server, type ServerContext } from '@modelcontextprotocol/server';
import type { Caller } from '../dispatch.js';
import { isGauzyMcpError } from '../errors.js';
import type { PluginExtras } from '../extras.js';
import type { LiveSink, LiveViews } from '../live/live-views.js';
import type { ResourceReader } from '../resource-reader.js';

/** JSON-RPC code for an unknown resource URI (the 2025 revisions' -32002). */
const RESOURCE_NOT_FOUND = -32002;

export interface ResourceHandlerOptions {
  extras: PluginExtras;
  resources: ResourceReader;
  /** Without live views the server announces no `subscribe` and refuses subscriptions. */
  live?: LiveViews;
  resolveCaller(request: { authInfo?: unknown }): Caller;
}

/**
 * `resources/list`, `resources/templates/list`, `resources/read` and (2025 revisions) `resources/subscribe` and
 * `/unsubscribe` on one server instance. A read runs as the caller; a subscription polls as the subscriber
 * (LiveViews) and notifies the connection's client, or a host session wherever its stream is held.
 */
export function registerResourceHandlers(server: Server, options: ResourceHandlerOptions): void {
  const { extras, resources, live } = options;
  const callerOf = (ctx: ServerContext) => options.resolveCaller({ authInfo: ctx.http?.authInfo });
  const checked = (uri: string, caller: Caller) => {
    const access = resources.access(uri, caller);
    if (access === 'unknown') throw new ProtocolError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}`, { uri });
    if (access === 'forbidden') throw new ProtocolError(INVALID_REQUEST, `Reading ${uri} needs the mcp.read scope.`, { uri, requiredScope: 'mcp.read' });
  };

  server.setRequestHandler('resources/list', async () => ({ resources: extras.resourceListing as ListResourcesResult['resources'] }));
  server.setRequestHandler('resources/templates/list', async () => ({ resourceTemplates: extras.templateListing as ListResourceTemplatesResult['resourceTemplates'] }));
  server.setRequestHandler('resources/read', async (request, ctx) => {
    const caller = callerOf(ctx);
    checked(request.params.uri, caller);
    try {
      return { contents: await resources.read(request.params.uri, caller, ctx.mcpReq.signal) };
    } catch (error) {
      if (isGauzyMcpError(error)) throw new ProtocolError(INTERNAL_ERROR, error.message, { code: error.code, ...error.details });
      throw error;
    }
  });
  if (!live) return;

  // The connection's own subscriptions (stdio, a WebSocket), ended when its server closes. A host session's live on
  // in the session: its server instance on one instance may close while the session goes on elsewhere.
  let connectionSink: LiveSink | undefined;
  const sinkFor = (ctx: ServerContext): LiveSink => {
    if (ctx.sessionId !== undefined && live.sessionSink) return live.sessionSink(ctx.sessionId);
    if (!connectionSink) {
      const sink: LiveSink = { id: `server:${randomUUID()}`, notify: (uri) => server.sendResourceUpdated({ uri }) };
      const closed = server.onclose;
      server.onclose = () => {
        void live.release(sink.id).catch(() => {});
        closed?.();
      };
      connectionSink = sink;
    }
    return connectionSink;
  };
  server.setRequestHandler('resources/subscribe', async (request, ctx) => {
    const caller = callerOf(ctx);
    checked(request.params.uri, caller);
    await live.subscribe(sinkFor(ctx), request.params.uri, caller);
    return {};
  });
  server.setRequestHandler('resources/unsubscribe', async (request, ctx) => {
    await live.unsubscribe(sinkFor(ctx).id, request.params.uri);
    return {};
  });
}
