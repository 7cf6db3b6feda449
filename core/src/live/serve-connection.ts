import type { Server, Transport } from '@modelcontextprotocol/server';
import { serveStdio, type StdioServerHandle } from '@modelcontextprotocol/server/stdio';
import type { Caller } from '../dispatch.js';
import type { ResourceReader } from '../resource-reader.js';
import { ListeningTransport } from './listening-transport.js';
import type { LiveViews } from './live-views.js';

export interface ConnectionLiveViews {
  live: LiveViews;
  resources: ResourceReader;
  /** Who the connection acts as. */
  caller: () => Caller;
}

/**
 * Serves one stdio-shaped connection (stdio, a WebSocket) through the SDK's entry, both eras. With live views,
 * 2025 `resources/subscribe` is the connection's server's to handle, and 2026-07-28 `subscriptions/listen`
 * streams subscribe through the transport (see ListeningTransport), notified through the connection's modern server.
 */
export function serveStdioConnection(factory: () => Server, options: { transport: Transport; onerror?: (error: Error) => void; live?: ConnectionLiveViews }): StdioServerHandle {
  const { live, onerror } = options;
  if (!live) return serveStdio(factory, { transport: options.transport, onerror });
  let modern: Server | undefined;
  const transport = new ListeningTransport(options.transport, {
    live: live.live,
    caller: live.caller,
    allowed: (uri, caller) => live.resources.access(uri, caller) === 'ok',
    notify: async (uri) => {
      await modern?.sendResourceUpdated({ uri });
    },
    onerror,
  });
  return serveStdio(
    (context) => {
      const server = factory();
      if (context.era === 'modern') modern = server;
      return server;
    },
    { transport, onerror },
  );
}
